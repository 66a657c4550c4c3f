import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { defaultExperiment, minimalExperiment, parseExperiment } from '../../src/core/experiment';
import { decodeLink, encodeLink, LINK_VERSION } from '../../src/core/link';
import { fnv1a, makeDigest } from '../../src/core/digest';
import { defaultsOfVersion } from '../../src/core/link-defaults';

const b64 = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof PlaygroundError ? e.code : 'untyped';
  }
  return undefined;
}

describe('share links', () => {
  const x = parseExperiment({
    dataset: 'shapes',
    space: 'nb201',
    strategy: 'random',
    budget: 7,
    seed: 99,
    training: { epochs: 3 },
    spaceSettings: { nb201: { channels: 4 } },
  });

  it('round trips an experiment and its digest', () => {
    const digest = makeDigest(
      [
        { encoded: 'a', accuracy: 0.5 },
        { encoded: 'b', accuracy: 0.75 },
      ],
      'wasm',
    );
    const link = encodeLink(x, digest);
    expect(link.startsWith(`#v=${LINK_VERSION}&x=`)).toBe(true);
    const back = decodeLink(`https://example.org/playground/${link}`);
    expect(back.experiment).toEqual(x);
    expect(back.digest).toEqual(digest);
  });

  it('keeps links short by leaving out defaults', () => {
    expect(encodeLink(defaultExperiment()).length).toBeLessThan(30);
    expect(decodeLink(encodeLink(defaultExperiment())).experiment).toEqual(defaultExperiment());
  });

  it.each([
    ['no version', '#x=abc', 'invalid-link'],
    ['a newer version', `#v=${LINK_VERSION + 1}&x=abc`, 'unsupported-link-version'],
    ['no experiment', '#v=1', 'invalid-link'],
    ['version 0', '#v=0&x=q64FAA', 'invalid-link'],
    ['garbage data', '#v=1&x=%%%not-base64', 'invalid-link'],
    ['base64 that is not deflate', '#v=1&x=aGVsbG8gd29ybGQ', 'invalid-link'],
    ['a truncated link', encodeLink(x).slice(0, 20), 'invalid-link'],
    ['an empty string', '', 'invalid-link'],
  ])('refuses %s with a typed error', (_name, link, code) => {
    expect(codeOf(() => decodeLink(link))).toBe(code);
  });

  it('refuses a well-formed link whose settings are out of range, naming the field', () => {
    const raw = btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify({ budget: -3 })))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    let error: unknown;
    try {
      decodeLink(`#v=1&x=${raw}`);
    } catch (e) {
      error = e;
    }
    expect((error as PlaygroundError).code).toBe('invalid-link');
    expect((error as PlaygroundError).message).toMatch(/budget/);
  });

  it('drops a damaged digest of a version-1 link (made before links had a check) but keeps the experiment', () => {
    // A version-1 link: the difference from the defaults of its time, and no check value.
    // Made before the test split and the average-pool fix, it cannot name either.
    const old = minimalExperiment(x, defaultsOfVersion(1)) as { data?: Record<string, unknown>; training?: Record<string, unknown> };
    delete old.data?.testFraction;
    delete old.training?.avgPoolGradient;
    delete old.training?.stepKernels;
    const v1 = `#v=1&x=${b64(deflateSync(strToU8(JSON.stringify(old))))}`;
    const back = decodeLink(`${v1}&d=bm90IGpzb24`);
    // A version-1 link was made before held-out test splits and the average-pool gradient fix: it opens without either.
    expect(back.experiment).toEqual({ ...x, data: { ...x.data, testFraction: 0 }, training: { ...x.training, avgPoolGradient: 'tfjs', stepKernels: 'v5' } });
    expect(back.digest).toBeNull();
  });

  it('opens a link made before the test split and the average-pool fix without either, so its trials stay what they were', () => {
    expect(defaultExperiment().data.testFraction).toBeGreaterThan(0);
    const v2 = encodeLink(x).replace(`#v=${LINK_VERSION}`, '#v=2');
    const payload = v2.slice(v2.indexOf('&x=') + 3, v2.indexOf('&c='));
    // The check value covers only x and d, so the same payload is a valid version-2 link.
    const opened = decodeLink(`#v=2&x=${payload}&c=${encodeLink(x).split('&c=')[1]}`).experiment;
    expect(opened.data.testFraction).toBe(0);
    expect(opened).toEqual({
      ...x,
      data: { ...x.data, testFraction: 0 },
      training: { ...x.training, avgPoolGradient: 'tfjs', stepKernels: 'v5' },
      // PNAS grew one decision at a time before it grew cells block by block; supernets computed every op of an edge on its own.
      strategySettings: {
        ...x.strategySettings,
        pnas: { ...x.strategySettings.pnas, growth: 'decisions' },
        oneShot: { ...x.strategySettings.oneShot, shareEdgeWork: false },
      },
    });
    expect(defaultExperiment().training.avgPoolGradient).toBe('exact');
    // Version 3 links carry what they say: the default test split, or none when set so.
    expect(decodeLink(encodeLink(x)).experiment.data.testFraction).toBe(x.data.testFraction);
    const none = parseExperiment({ ...x, data: { ...x.data, testFraction: 0 } });
    expect(decodeLink(encodeLink(none)).experiment.data.testFraction).toBe(0);
  });

  it('refuses validation and test fractions that leave too little to train on, naming the field', () => {
    let error: unknown;
    try {
      parseExperiment({ data: { validationFraction: 0.5, testFraction: 0.45 } });
    } catch (e) {
      error = e;
    }
    expect((error as PlaygroundError).code).toBe('invalid-config');
    expect((error as PlaygroundError).message).toMatch(/test/);
  });

  it('refuses a link whose experiment or digest was changed in copying, by its check value', () => {
    const digest = makeDigest([{ encoded: 'a', accuracy: 0.5 }], 'wasm');
    const link = encodeLink(x, digest);
    const x0 = link.indexOf('&x=') + 3;
    const flipped = link.slice(0, x0 + 5) + (link[x0 + 5] === 'A' ? 'B' : 'A') + link.slice(x0 + 6);
    expect(codeOf(() => decodeLink(flipped))).toBe('invalid-link');
    expect(codeOf(() => decodeLink(link.replace(/&c=[0-9a-f]+$/, '')))).toBe('invalid-link');
    expect(codeOf(() => decodeLink(link.replace(/&d=[^&]+/, '&d=bm90IGpzb24')))).toBe('invalid-link');
    expect(codeOf(() => decodeLink(link.replace(`v=${LINK_VERSION}`, 'v=0')))).toBe('invalid-link');
  });

  describe('across a change of defaults (version 3 raised the budget from 12 to 24)', () => {
    const link = (version: number, raw: object) => {
      const xPart = b64(deflateSync(strToU8(JSON.stringify(raw))));
      return `#v=${version}&x=${xPart}${version >= 2 ? `&c=${fnv1a(`${xPart}&`)}` : ''}`;
    };

    it('opens a link of versions 1 and 2 with the defaults it was made with, and one of version 3 with today’s', () => {
      expect(decodeLink(link(1, { seed: 5 })).experiment.budget).toBe(12);
      expect(decodeLink(link(2, { seed: 5 })).experiment.budget).toBe(12);
      expect(decodeLink(link(3, { seed: 5 })).experiment.budget).toBe(24);
      expect(decodeLink(link(1, { budget: 30 })).experiment.budget).toBe(30);
      expect(defaultExperiment().budget).toBe(24);
    });

    it('writes links of the current version that say 12 trials when 12 are asked, and round trip', () => {
      const twelve = parseExperiment({ budget: 12 });
      expect(encodeLink(twelve).startsWith(`#v=${LINK_VERSION}&`)).toBe(true);
      expect(decodeLink(encodeLink(twelve)).experiment).toEqual(twelve);
      expect(decodeLink(encodeLink(defaultExperiment())).experiment).toEqual(defaultExperiment());
    });

    it('opens a version 3 PNAS link with the PNAS it ran (one decision at a time), and a version 4 one with cells grown by blocks', () => {
      expect(defaultExperiment().strategySettings.pnas.growth).toBe('blocks');
      expect(decodeLink(link(3, { strategy: 'pnas', space: 'cell' })).experiment.strategySettings.pnas.growth).toBe('decisions');
      expect(decodeLink(link(4, { strategy: 'pnas', space: 'cell' })).experiment.strategySettings.pnas.growth).toBe('blocks');
      expect(decodeLink(link(3, { strategy: 'pnas', strategySettings: { pnas: { growth: 'blocks' } } })).experiment.strategySettings.pnas.growth).toBe(
        'blocks',
      );
    });

    it('opens a version 4 weight-sharing link with every op of an edge computed on its own (its numbers), and a version 5 one with shared ReLU and pooling', () => {
      expect(defaultExperiment().strategySettings.oneShot.shareEdgeWork).toBe(true);
      expect(decodeLink(link(4, { strategy: 'darts', space: 'nb201' })).experiment.strategySettings.oneShot.shareEdgeWork).toBe(false);
      expect(decodeLink(link(5, { strategy: 'darts', space: 'nb201' })).experiment.strategySettings.oneShot.shareEdgeWork).toBe(true);
      expect(decodeLink(link(4, { strategySettings: { oneShot: { shareEdgeWork: true } } })).experiment.strategySettings.oneShot.shareEdgeWork).toBe(true);
      const made = parseExperiment({ strategy: 'pdarts', space: 'cell' });
      expect(decodeLink(encodeLink(made)).experiment).toEqual(made);
    });

    it('opens a version 5 link with batch norm on the kernels it ran (v5), and a version 6 one with the fast kernels', () => {
      expect(defaultExperiment().training.stepKernels).toBe('fast');
      expect(decodeLink(link(5, { seed: 5 })).experiment.training.stepKernels).toBe('v5');
      expect(decodeLink(link(6, { seed: 5 })).experiment.training.stepKernels).toBe('fast');
      expect(decodeLink(link(5, { training: { stepKernels: 'fast' } })).experiment.training.stepKernels).toBe('fast');
      const kept = parseExperiment({ training: { stepKernels: 'v5' } });
      expect(decodeLink(encodeLink(kept)).experiment).toEqual(kept);
    });

    it('keeps a hostile "__proto__" in an old link from reaching the settings', () => {
      const raw = '{"__proto__":{"budget":99,"seed":7},"seed":3}';
      const opened = decodeLink(`#v=1&x=${b64(deflateSync(strToU8(raw)))}`).experiment;
      expect(opened.budget).toBe(12);
      expect(opened.seed).toBe(3);
    });
  });
});
