import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { appendRefusal } from '../core/appendable';
import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { fileTooLarge } from '../core/limits';
import type { UserFile } from '../data/load';
import { isZip } from '../data/user-images';
import { decodeImageNode } from '../data/image-decode-node';

/** The flags: `--append FILE` (a CSV to a CSV, a zip of class folders to a zip) and `--append-after N`, each repeatable and paired by position. */
export const appendOptions = {
  append: { type: 'string', multiple: true },
  'append-after': { type: 'string', multiple: true },
} as const;

/** A file appended to the search's data once `after` trials have finished (0: from the first trial). */
export interface CliAppend {
  file: UserFile;
  after: number;
}

function usageError(message: string): PlaygroundError {
  return new PlaygroundError('invalid-config', message, 'Run with --help to see the options.');
}

/**
 * `--append a.csv --append-after 2 --append b.csv --append-after 4`: a.csv joins after 2 trials,
 * b.csv after 4. Without --append-after, files join after half the budget; a file with no
 * --append-after of its own takes the last one given.
 */
export function parseAppends(files: readonly string[] | undefined, afters: readonly string[] | undefined, x: Experiment, userFile?: UserFile): CliAppend[] {
  if (!files?.length) {
    if (afters?.length) throw usageError('--append-after goes with --append FILE.');
    return [];
  }
  if (!userFile) throw usageError('--append adds to your own table or images: it goes with --data-file.');
  const refusal = appendRefusal(x);
  if (refusal) throw usageError(`--append: ${refusal}`);
  if ((afters?.length ?? 0) > files.length) throw usageError('--append-after is given more times than --append.');
  const at = (afters ?? []).map((a) => {
    if (!/^\d+$/.test(a) || Number(a) >= x.budget)
      throw usageError(`--append-after must be a whole number of trials below the budget (${x.budget}); got "${a}".`);
    return Number(a);
  });
  const fallback = Math.floor(x.budget / 2);
  return files.map((path, k) => {
    if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) throw usageError(`--append ${path}: no such file.`);
    const tooLarge = fileTooLarge(path, statSync(path).size);
    if (tooLarge) throw tooLarge;
    const bytes = new Uint8Array(readFileSync(path));
    return { file: { name: basename(path), bytes, ...(isZip(bytes) ? { decode: decodeImageNode } : {}) }, after: at[k] ?? at.at(-1) ?? fallback };
  });
}
