import type { ResultDigest, TrialFingerprint } from '../digest';
import { isPlaygroundError } from '../errors';
import { evaluatorEntry } from '../evaluator/index';
import type { Experiment } from '../experiment';
import { clip } from '../format';
import { meanStd } from '../stats';
import { methodEntry } from '../methods';
import { decodeResultLink } from './result-link';

/** The most links one merge reads: a large lecture hall, twice over. */
export const MAX_CLASS_LINKS = 1000;

/** One student's result, as the Class view shows it. */
export interface ClassEntry {
  /** The line of the pasted text it came from, 1-based: names a row when the student typed no name. */
  line: number;
  name: string;
  experiment: Experiment;
  digest: ResultDigest | null;
  trials: TrialFingerprint[];
  share: string;
  /** The best accuracy of any trial, and the best so far after each trial. */
  best: number;
  curve: number[];
  /** Its accuracies come from a lookup table the page can check them against. */
  table: boolean;
  /** The trials hash to the link's digest. */
  matchesDigest: boolean;
  /** An earlier line carries the same link, or the same trials in the same order. */
  duplicate: { of: number; kind: 'same link' | 'same trials' } | null;
}

export interface UnreadableLink {
  line: number;
  /** The start of what was pasted, clipped. */
  text: string;
  why: string;
}

export interface ClassMerge {
  /** Ranked by best accuracy (ties: the earlier line). */
  entries: ClassEntry[];
  unreadable: UnreadableLink[];
}

export interface StrategySpread {
  strategy: string;
  title: string;
  color: string;
  count: number;
  mean: number;
  std: number;
}

/** A strategy's name and colour for people, weight-sharing methods included (grey where a method has no colour of its own). */
export function methodLook(id: string): { title: string; color: string } {
  const entry = methodEntry(id);
  return { title: entry?.title ?? id, color: entry && 'color' in entry && typeof entry.color === 'string' ? entry.color : '#64748b' };
}

/** The name a row shows: what the student typed, or the line it was pasted on. */
export const displayName = (e: Pick<ClassEntry, 'name' | 'line'>): string => e.name || `Line ${e.line}`;

function bestSoFar(trials: readonly TrialFingerprint[]): number[] {
  let best = -Infinity;
  return trials.map((t) => (best = Math.max(best, t.accuracy)));
}

/** Reads every link (one per line; blank lines skipped), keeps every one it can, and says why for the rest. */
export function mergeResults(text: string): ClassMerge {
  const lines = text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');
  const entries: ClassEntry[] = [];
  const unreadable: UnreadableLink[] = [];
  const seenLinks = new Map<string, number>();
  const seenTrials = new Map<string, number>();
  for (const [i, { line, text: link }] of lines.entries()) {
    if (i >= MAX_CLASS_LINKS) {
      unreadable.push({ line, text: clip(link, 60), why: `A Class view merges at most ${MAX_CLASS_LINKS} links at once; merge the rest separately.` });
      continue;
    }
    try {
      const r = decodeResultLink(link);
      const linkKey = link.slice(link.indexOf('#'));
      const trialKey = r.trials.map((t) => `${t.encoded}=${t.accuracy}`).join('\n');
      const firstLink = seenLinks.get(linkKey);
      const firstTrials = seenTrials.get(trialKey);
      const duplicate =
        firstLink !== undefined
          ? { of: firstLink, kind: 'same link' as const }
          : firstTrials !== undefined
            ? { of: firstTrials, kind: 'same trials' as const }
            : null;
      if (firstLink === undefined) seenLinks.set(linkKey, line);
      if (firstTrials === undefined) seenTrials.set(trialKey, line);
      const curve = bestSoFar(r.trials);
      entries.push({
        line,
        name: r.name,
        experiment: r.experiment,
        digest: r.digest,
        trials: r.trials,
        share: r.share,
        best: curve.length ? curve[curve.length - 1]! : 0,
        curve,
        table: evaluatorEntry(r.experiment.evaluator).table,
        matchesDigest: r.matchesDigest,
        duplicate,
      });
    } catch (e) {
      unreadable.push({ line, text: clip(link, 60), why: isPlaygroundError(e) ? e.message : 'It could not be read.' });
    }
  }
  entries.sort((a, b) => b.best - a.best || a.line - b.line);
  return { entries, unreadable };
}

/** Mean and spread of the best accuracy per strategy, over the entries given (the caller leaves out the flagged ones). */
export function strategySpread(entries: readonly ClassEntry[]): StrategySpread[] {
  const groups = new Map<string, number[]>();
  for (const e of entries) groups.set(e.experiment.strategy, [...(groups.get(e.experiment.strategy) ?? []), e.best]);
  return [...groups].map(([strategy, bests]) => {
    return { strategy, ...methodLook(strategy), count: bests.length, ...meanStd(bests) };
  });
}
