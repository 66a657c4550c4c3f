import { evaluatorEntry } from './evaluator/index';
import type { Experiment } from './experiment';
import { isOneShot } from './one-shot';

/**
 * Why more data cannot be appended to this experiment while it runs, or null where it can: only a
 * search on the user's own file that trains each trial from scratch takes new rows from its next
 * trial on (a supernet trains on one fixed set, a table lookup has no examples).
 */
export function appendRefusal(x: Pick<Experiment, 'dataset' | 'strategy' | 'evaluator'>): string | null {
  if (x.dataset !== 'own') return 'Data can be appended only to a search on your own file.';
  if (isOneShot(x.strategy) || evaluatorEntry(x.evaluator)?.supernetMethod)
    return 'A weight-sharing search trains one supernet on one set of examples, so data cannot be appended to it while it runs.';
  if (evaluatorEntry(x.evaluator)?.table) return 'A table lookup trains nothing, so it has no data to append to.';
  return null;
}

/**
 * The note beside the digest of a run whose data grew while it ran: a link carries no user data,
 * and the appended files came at moments a re-run cannot repeat, so the link alone cannot reproduce it.
 */
export function appendedNote(files: number): string | null {
  if (files === 0) return null;
  return `${files === 1 ? 'A file was' : `${files} files were`} appended to its data while it ran; a link carries no data and cannot replay when they came, so this run cannot be reproduced from the link alone (this device keeps the files with the saved run, to resume it).`;
}
