import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanName, decodeResultLink, encodeResultLink, MAX_NAME_CHARS, namedResultLink, resultLinkBody } from '../../../src/core/classroom/result-link';
import { fnv1a, makeDigest, type TrialFingerprint } from '../../../src/core/digest';
import { PlaygroundError } from '../../../src/core/errors';
import { experimentSpace, parseExperiment, type Experiment } from '../../../src/core/experiment';
import { decodeLink, encodeLink, toBase64Url } from '../../../src/core/link';
import { createRng } from '../../../src/core/rng';
import { Nb201Table } from '../../../src/data/nb201-table';
import { readPublicAsset } from '../../../src/data/node-assets';

let table: Nb201Table;
beforeAll(async () => {
  table = Nb201Table.parse(await readPublicAsset('data/nb201.csv.gz'));
});

const nb201 = (seed: number) => parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: 'evolution', budget: 100, seed });

/** Trials as a table search makes them: cells of the space, each scored by its 12-epoch validation accuracy. */
function tableTrials(x: Experiment, n: number): TrialFingerprint[] {
  const space = experimentSpace(x);
  const rng = createRng(x.seed).fork('test-trials');
  return Array.from({ length: n }, () => {
    const g = space.sample(rng);
    return { encoded: space.encode(g), accuracy: table.get(g as never, 'cifar10').valid12 };
  });
}

function refusal(link: string): string {
  try {
    decodeResultLink(link);
  } catch (e) {
    expect(e).toBeInstanceOf(PlaygroundError);
    return (e as PlaygroundError).message;
  }
  throw new Error('the link was read');
}

describe('result links', () => {
  it('round-trips 100 NAS-Bench-201 trials exactly, and stays under 2 000 characters', () => {
    const x = nb201(3);
    const trials = tableTrials(x, 100);
    const digest = makeDigest(trials, 'table');
    const link = encodeResultLink(x, digest, trials, 'Ada L.');
    const back = decodeResultLink(`http://127.0.0.1:5173/${link}`);
    expect(back.trials).toEqual(trials);
    expect(back.digest).toEqual(digest);
    expect(back.name).toBe('Ada L.');
    expect(back.matchesDigest).toBe(true);
    expect(back.experiment).toEqual(x);
    expect(link.length).toBeLessThan(2000);
  });

  it('takes one body, deflated once, under any name the page types: each link reads back with its own name and the same trials', () => {
    const x = nb201(4);
    const trials = tableTrials(x, 50);
    const body = resultLinkBody(x, makeDigest(trials, 'table'), trials);
    for (const name of ['', 'Ann', '  Bob  <b>']) {
      const back = decodeResultLink(namedResultLink(body, name));
      expect(back.trials).toEqual(trials);
      expect(back.name).toBe(cleanName(name));
      expect(back.matchesDigest).toBe(true);
    }
  });

  it('round-trips trained trials (float64 accuracies, genotypes as strings) on a space too large to number', () => {
    const x = parseExperiment({ dataset: 'digits', space: 'cell', strategy: 'random', budget: 12, seed: 5 });
    const space = experimentSpace(x);
    const rng = createRng(5).fork('test-trials');
    const trials = Array.from({ length: 12 }, (_, i) => ({ encoded: space.encode(space.sample(rng)), accuracy: (i * 37 + 11) / 480 }));
    trials.push({ ...trials[3]! });
    const back = decodeResultLink(encodeResultLink(x, makeDigest(trials, 'wasm'), trials));
    expect(back.trials).toEqual(trials);
    expect(back.name).toBe('');
  });

  it('opens as a share link of the same experiment and digest', () => {
    const x = nb201(4);
    const trials = tableTrials(x, 10);
    const digest = makeDigest(trials, 'table');
    const result = decodeResultLink(encodeResultLink(x, digest, trials, 'B'));
    expect(decodeLink(result.share)).toEqual({ experiment: x, digest });
  });

  it('says when the trials do not hash to the digest', () => {
    const x = nb201(5);
    const trials = tableTrials(x, 10);
    const digest = makeDigest(trials, 'table');
    const changed = trials.map((t, i) => (i === 4 ? { ...t, accuracy: Math.fround(t.accuracy + 0.01) } : t));
    expect(decodeResultLink(encodeResultLink(x, digest, changed)).matchesDigest).toBe(false);
  });

  it('keeps names as clipped text', () => {
    expect(cleanName('  <b>Eve</b>\u0000\u202e  x ')).toBe('bEve/b x');
    expect(cleanName('a'.repeat(500))).toHaveLength(MAX_NAME_CHARS);
    // A lone surrogate cannot be put in a URL.
    expect(cleanName('Zo\uD800ë 李')).toBe('Zoë 李');
    expect(() => encodeURIComponent(cleanName(`${'a'.repeat(MAX_NAME_CHARS - 1)}😀😀`))).not.toThrow();
    const x = nb201(6);
    const link = encodeResultLink(x, null, tableTrials(x, 2), '<img src=x onerror=alert(1)>');
    expect(decodeResultLink(link).name).not.toMatch(/[<>]/);
  });

  it('refuses damaged and hostile links with a clipped reason', () => {
    const x = nb201(7);
    const trials = tableTrials(x, 20);
    const link = encodeResultLink(x, makeDigest(trials, 'table'), trials, 'C');
    expect(refusal(encodeResultLink(x, null, trials).replace(/&t=.*$/, ''))).toMatch(/share link without trials/);
    expect(refusal('hello')).toMatch(/not a playground link/);
    const at = link.indexOf('&t=') + 10;
    const flipped = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    expect(refusal(flipped)).toMatch(/check value does not match/);
    expect(refusal(link.replace(/&k=[0-9a-f]+$/, ''))).toMatch(/check value \(k=…\) is missing/);
    expect(refusal(link + 'A'.repeat(70_000))).toMatch(/at most 65536/);

    // Forged with valid checks: a decompression bomb, garbage, and trials out of range.
    const share = encodeLink(x);
    const forge = (bytes: Uint8Array) => {
      const t = toBase64Url(deflateSync(bytes));
      const p = new URLSearchParams(share.slice(1));
      return `${share}&t=${t}&k=${fnv1a([p.get('x'), '', t, ''].join('&'))}`;
    };
    expect(refusal(forge(new Uint8Array(4 << 20)))).toMatch(/its trial data inflates to more than 512 KB/);
    expect(refusal(forge(Uint8Array.of(1, 3, 200)))).toMatch(/cut short/);
    expect(refusal(forge(Uint8Array.of(9, 3, 0)))).toMatch(/format/);
    expect(refusal(forge(Uint8Array.of(1, 3, 1, 0xff, 0xff, 0x03, 0, 0, 0, 0)))).toMatch(/out of range/);
    const accuracy = new Uint8Array(new Float32Array([1.5]).buffer);
    expect(refusal(forge(Uint8Array.of(1, 3, 1, 0, ...accuracy)))).toMatch(/outside 0–100 %/);
    for (const message of [refusal(forge(new Uint8Array(4 << 20))), refusal(flipped)]) expect(message.length).toBeLessThan(200);
  });
});
