import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultExperiment, parseExperiment } from '../../src/core/experiment';
import { decodeLink, encodeLink } from '../../src/core/link';
import { problemsOf, problemsWith } from '../../src/core/rules';
import { MAX_GAN_VALUES } from '../../src/core/synthetic-rules';

const b64 = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const link = (version: number, raw: object) => `#v=${version}&x=${b64(deflateSync(strToU8(JSON.stringify(raw))))}`;

describe('generated training examples in the experiment', () => {
  it('default to none, so links made before the setting run as before', () => {
    expect(defaultExperiment().data.synthetic).toEqual({ balance: false, generate: 'none', amount: 1 });
    // Version 1 had no check value; versions 2 and 3 carry one over the payload, which encodeLink writes.
    const v3 = encodeLink(parseExperiment({ dataset: 'digits', data: { synthetic: { balance: true } }, budget: 5 }));
    const v2 = v3.replace(/#v=\d+/, '#v=2');
    for (const old of [link(1, { dataset: 'digits', data: { synthetic: { balance: true } }, budget: 5 }), v2, v3]) {
      expect(decodeLink(old).experiment.data.synthetic).toEqual({ balance: true, generate: 'none', amount: 1 });
    }
    // The default adds nothing to a link.
    expect(encodeLink(defaultExperiment())).toBe(encodeLink(parseExperiment({ data: { synthetic: { generate: 'none', amount: 1 } } })));
  });

  it('travel in a link and come back', () => {
    const x = parseExperiment({ dataset: 'iris', data: { synthetic: { generate: 'gan', amount: 2.5 } } });
    expect(encodeLink(x)).not.toBe(encodeLink(parseExperiment({ dataset: 'iris' })));
    expect(decodeLink(encodeLink(x)).experiment.data.synthetic).toEqual({ balance: false, generate: 'gan', amount: 2.5 });
  });

  it('are refused, with the reason, where no generator can apply; accepted on small images, tables and points', () => {
    const gan = { data: { synthetic: { generate: 'gan' as const, amount: 1 } } };
    const x = defaultExperiment();
    for (const dataset of ['digits', 'shapes', 'mnist', 'iris', 'moons'] as const)
      expect(problemsWith(x, { dataset, ...gan }).filter((p) => p.field === 'data.synthetic.generate')).toEqual([]);
    const [big] = problemsWith(x, { dataset: 'cifar10_images', ...gan }).filter((p) => p.field === 'data.synthetic.generate');
    expect(big!.message).toContain(`up to ${MAX_GAN_VALUES} values`);
    expect(big!.message).toContain('32 × 32 × 3 = 3072');
    expect(big!.advice).toMatch(/Halve the resolution/);
    // Halved, CIFAR-10 is 16 × 16 × 3 = 768 values: the GAN takes it.
    const halved = problemsWith(x, { dataset: 'cifar10_images', data: { ...gan.data, resolution: 0.5 } } as never);
    expect(halved.filter((p) => p.field === 'data.synthetic.generate')).toEqual([]);
    expect(() => parseExperiment({ dataset: 'cifar10_images', ...gan })).toThrow(/up to 1024 values/);
    expect(problemsOf(parseExperiment({ dataset: 'cifar10_images' })).filter((p) => p.field === 'data.synthetic.generate')).toEqual([]);
  });

  it('keep the amount within 0.1 to 4 times the training split', () => {
    expect(() => parseExperiment({ data: { synthetic: { generate: 'gan', amount: 5 } } })).toThrow();
    expect(() => parseExperiment({ data: { synthetic: { generate: 'gan', amount: 0 } } })).toThrow();
  });
});
