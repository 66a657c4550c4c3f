import { beforeAll, describe, expect, it } from 'vitest';
import { displayName, mergeResults, strategySpread } from '../../../src/core/classroom/merge';
import { encodeResultLink } from '../../../src/core/classroom/result-link';
import { tableClaims, verifyAgainstTable } from '../../../src/core/classroom/verify';
import { makeDigest, type TrialFingerprint } from '../../../src/core/digest';
import { experimentSpace, parseExperiment, type Experiment } from '../../../src/core/experiment';
import { encodeLink } from '../../../src/core/link';
import { createRng } from '../../../src/core/rng';
import type { Nb201Genotype } from '../../../src/core/space/nb201';
import { Nb201Table } from '../../../src/data/nb201-table';
import { readPublicAsset } from '../../../src/data/node-assets';

let table: Nb201Table;
beforeAll(async () => {
  table = Nb201Table.parse(await readPublicAsset('data/nb201.csv.gz'));
});

const STRATEGIES = ['random', 'evolution', 'tpe'] as const;
const experimentOf = (i: number) =>
  parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: STRATEGIES[i % 3], budget: 15, seed: i + 1 });

function trialsOf(x: Experiment): TrialFingerprint[] {
  const space = experimentSpace(x);
  const rng = createRng(x.seed).fork('merge-test');
  return Array.from({ length: x.budget }, () => {
    const g = space.sample(rng) as Nb201Genotype;
    return { encoded: space.encode(g), accuracy: table.get(g, 'cifar10').valid12 };
  });
}

function student(i: number, change?: (t: TrialFingerprint[]) => TrialFingerprint[]): string {
  const x = experimentOf(i);
  const trials = trialsOf(x);
  return `http://127.0.0.1:5173/${encodeResultLink(x, makeDigest(trials, 'table'), change ? change(trials) : trials, `Student ${String.fromCharCode(65 + i)}`)}`;
}

const lookup = (dataset: string, encoded: string) => {
  const g = experimentSpace(experimentOf(0)).decode(encoded) as Nb201Genotype;
  return table.get(g, dataset as 'cifar10').valid12;
};

describe('the class merge', () => {
  it('ranks every readable link, flags duplicates and tampering, and says why a link was not read', () => {
    const links = Array.from({ length: 6 }, (_, i) => student(i));
    const tampered = student(6, (t) => t.map((trial, i) => (i === 2 ? { ...trial, accuracy: Math.fround(trial.accuracy + 0.05) } : trial)));
    const text = [links[0], '', links[1], links[2], links[3], tampered, 'not a link', links[4], links[5], links[2], encodeLink(experimentOf(9))].join('\n');
    const merged = mergeResults(text);

    expect(merged.entries).toHaveLength(8);
    const bests = merged.entries.map((e) => e.best);
    expect(bests).toEqual([...bests].sort((a, b) => b - a));
    for (const e of merged.entries) expect(e.best).toBe(Math.max(...e.trials.map((t) => t.accuracy)));

    const duplicates = merged.entries.filter((e) => e.duplicate);
    expect(duplicates.map((e) => [e.line, e.duplicate])).toEqual([[10, { of: 4, kind: 'same link' }]]);

    const verdicts = merged.entries.map((e) => [displayName(e), verifyAgainstTable(e, lookup).kind] as const);
    expect(verdicts.filter(([, v]) => v === 'wrong').map(([n]) => n)).toEqual(['Student G']);
    const wrong = verifyAgainstTable(
      merged.entries.find((e) => e.name === 'Student G')!,
      lookup,
    );
    expect(wrong).toMatchObject({ kind: 'wrong', wrong: 1, first: { trial: 2 } });
    expect(merged.entries.find((e) => e.name === 'Student G')!.matchesDigest).toBe(false);

    expect(merged.unreadable.map((u) => u.line)).toEqual([7, 11]);
    expect(merged.unreadable[1]!.why).toMatch(/share link without trials/);
  });

  it('flags the same trials under another link (a copied run renamed)', () => {
    const x = experimentOf(1);
    const trials = trialsOf(x);
    const a = encodeResultLink(x, makeDigest(trials, 'table'), trials, 'Ann');
    const b = encodeResultLink(x, makeDigest(trials, 'table'), trials, 'Bob');
    expect(mergeResults(`${a}\n${b}`).entries[1]!.duplicate).toEqual({ of: 1, kind: 'same trials' });
  });

  it('asks the table for each distinct cell once, and summarises each strategy', () => {
    const merged = mergeResults(Array.from({ length: 9 }, (_, i) => student(i)).join('\n'));
    const claims = tableClaims(merged.entries);
    expect(claims).toHaveLength(1);
    expect(new Set(claims[0]!.encoded).size).toBe(claims[0]!.encoded.length);
    expect(claims[0]!.encoded.length).toBe(new Set(merged.entries.flatMap((e) => e.trials.map((t) => t.encoded))).size);

    const spread = strategySpread(merged.entries);
    expect(spread.map((s) => s.strategy).sort()).toEqual([...STRATEGIES].sort());
    for (const s of spread) {
      const bests = merged.entries.filter((e) => e.experiment.strategy === s.strategy).map((e) => e.best);
      const mean = bests.reduce((a, b) => a + b, 0) / bests.length;
      expect(s.count).toBe(bests.length);
      expect(s.mean).toBeCloseTo(mean, 12);
      expect(s.std).toBeCloseTo(Math.sqrt(bests.reduce((a, b) => a + (b - mean) ** 2, 0) / bests.length), 12);
    }
  });

  it('keeps the best-so-far curve non-decreasing and ending at the best', () => {
    const [e] = mergeResults(student(2)).entries;
    expect(e!.curve).toHaveLength(e!.trials.length);
    for (let i = 1; i < e!.curve.length; i++) expect(e!.curve[i]).toBeGreaterThanOrEqual(e!.curve[i - 1]!);
    expect(e!.curve.at(-1)).toBe(e!.best);
  });
});
