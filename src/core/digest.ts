/** A short fingerprint of a search's trial sequence, so a re-run can say "reproduced" or where it differs. */

export interface TrialFingerprint {
  encoded: string;
  accuracy: number;
  /** What the search maximised, where it differs from accuracy (a multi-objective reward). */
  reward?: number;
}

export interface ResultDigest {
  /** Encoded genotype of the best trial. */
  best: string;
  /** Its validation accuracy, 0..1. */
  accuracy: number;
  /** FNV-1a hash over every trial's genotype and rounded accuracy, in order. */
  hash: string;
  trials: number;
  /** The backend that produced it: float differences across backends may change results. */
  backend: string;
}

/** 32-bit FNV-1a, hex. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Accuracy rounded to 4 decimals: enough to tell runs apart, robust to printing. */
export function hashTrials(trials: readonly TrialFingerprint[]): string {
  return fnv1a(trials.map((t) => `${t.encoded}=${t.accuracy.toFixed(4)}`).join('\n'));
}

/**
 * `returned`: the position of the trial the search returns, where the method names one (a DARTS-style
 * search returns its derived genotype, not its top scorer); without it, the top scorer (ties: the earlier).
 * The hash covers every trial either way, so whether a re-run reproduces does not depend on it.
 */
export function makeDigest(trials: readonly TrialFingerprint[], backend: string, returned?: number | null): ResultDigest | null {
  if (trials.length === 0) return null;
  const score = (t: TrialFingerprint) => t.reward ?? t.accuracy;
  const best = (returned !== undefined && returned !== null ? trials[returned] : undefined) ?? trials.reduce((b, t) => (score(t) > score(b) ? t : b));
  return { best: best.encoded, accuracy: best.accuracy, hash: hashTrials(trials), trials: trials.length, backend };
}

/** Trial counts a digest may claim: the largest budget plus every epoch of the longest one-shot search. */
const MAX_DIGEST_TRIALS = 100_000;

/**
 * A digest from a link, checked field by field: a hostile link cannot make the page show an
 * accuracy of 1e308 or −3 trials. A broken digest is dropped (null), never fatal: the experiment
 * itself is still reproducible.
 */
export function parseDigest(readText: () => string): ResultDigest | null {
  try {
    const raw = JSON.parse(readText()) as Partial<Record<keyof ResultDigest, unknown>>;
    if (typeof raw !== 'object' || raw === null) return null;
    const { best, accuracy, hash, trials, backend } = raw;
    const ok =
      typeof best === 'string' &&
      best.length > 0 &&
      best.length <= 4096 &&
      typeof accuracy === 'number' &&
      accuracy >= 0 &&
      accuracy <= 1 &&
      typeof hash === 'string' &&
      /^[0-9a-f]{8}$/.test(hash) &&
      typeof trials === 'number' &&
      Number.isInteger(trials) &&
      trials >= 1 &&
      trials <= MAX_DIGEST_TRIALS &&
      typeof backend === 'string' &&
      /^[a-z0-9-]{1,24}$/.test(backend);
    return ok ? { best, accuracy, hash, trials, backend } : null;
  } catch {
    return null;
  }
}

export type DigestComparison =
  | { kind: 'reproduced' }
  | { kind: 'different-backend'; expected: string; actual: string }
  | { kind: 'differs' }
  /** It differs, and could not be expected to repeat: `why` (a reward on measured latency). */
  | { kind: 'unrepeatable'; why: string };

/** Compares a shared digest with the trials of a re-run (complete or not); `unrepeatable` says why the run could not repeat, if so. */
export function compareDigest(
  expected: ResultDigest,
  trials: readonly TrialFingerprint[],
  backend: string,
  unrepeatable: string | null = null,
): DigestComparison {
  if (expected.backend !== backend) return { kind: 'different-backend', expected: expected.backend, actual: backend };
  if (trials.length === expected.trials && hashTrials(trials) === expected.hash) return { kind: 'reproduced' };
  return unrepeatable ? { kind: 'unrepeatable', why: unrepeatable } : { kind: 'differs' };
}

/** 32-bit FNV-1a of raw bytes, hex: the content hash a share link carries instead of a user's data. */
export function contentHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
