import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeResultLink } from '../../../src/core/classroom/result-link';
import { encodeTrials } from '../../../src/core/classroom/trial-codec';
import { fnv1a } from '../../../src/core/digest';
import { PlaygroundError } from '../../../src/core/errors';
import { experimentSpace, parseExperiment } from '../../../src/core/experiment';
import { encodeLink, toBase64Url } from '../../../src/core/link';
import { createRng, type Rng } from '../../../src/core/rng';

/** A result link around any trial bytes, its check value made anew: what a tamperer can hand in. */
function forged(share: string, payload: Uint8Array, name = ''): string {
  const t = toBase64Url(deflateSync(payload));
  const p = new URLSearchParams(share.slice(1));
  return `${share}&t=${t}${name ? `&n=${encodeURIComponent(name)}` : ''}&k=${fnv1a([p.get('x'), p.get('d') ?? '', t, name].join('&'))}`;
}

function mutate(rng: Rng, bytes: Uint8Array): Uint8Array {
  const out = [...bytes];
  for (let i = rng.int(4) + 1; i > 0; i--) {
    const at = rng.int(Math.max(1, out.length));
    const kind = rng.int(4);
    if (kind === 0) out[at] = rng.int(256);
    else if (kind === 1) out.splice(at, rng.int(6) + 1);
    else if (kind === 2) out.splice(at, 0, ...Array.from({ length: rng.int(6) + 1 }, () => rng.int(256)));
    else out.length = at;
  }
  return Uint8Array.from(out);
}

describe('result links under hostile trial data', () => {
  for (const input of [
    { evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', budget: 30 },
    { dataset: 'digits', space: 'cell', budget: 30 },
  ] as const) {
    it(`reads ${input.space} trials or refuses them with a short message, never anything else (1 500 cases)`, () => {
      const x = parseExperiment(input);
      const space = experimentSpace(x);
      const rng = createRng(`result-fuzz-${input.space}`);
      const trials = Array.from({ length: 30 }, () => ({ encoded: space.encode(space.sample(rng)), accuracy: rng.next() }));
      const valid = encodeTrials(trials, space);
      const share = encodeLink(x);
      let read = 0;
      for (let i = 0; i < 1500; i++) {
        const payload = i % 5 === 0 ? Uint8Array.from({ length: rng.int(64) }, () => rng.int(256)) : mutate(rng, valid);
        try {
          const r = decodeResultLink(forged(share, payload, i % 7 === 0 ? '<svg onload=alert(1)>' : ''));
          read++;
          for (const t of r.trials) {
            expect(t.accuracy).toBeGreaterThanOrEqual(0);
            expect(t.accuracy).toBeLessThanOrEqual(1);
            expect(space.encode(space.decode(t.encoded))).toBe(t.encoded);
          }
          expect(r.name).not.toMatch(/[<>]/);
        } catch (e) {
          expect(e).toBeInstanceOf(PlaygroundError);
          expect((e as PlaygroundError).code).toBe('invalid-link');
          expect((e as PlaygroundError).message.length).toBeLessThan(300);
        }
      }
      // Some mutations leave a readable payload (an accuracy changed): the fuzz reaches past the refusals.
      expect(read).toBeGreaterThan(0);
    });
  }
});
