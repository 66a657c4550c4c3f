import type { Remote } from 'comlink';
import type { DataWorkerApi } from '../contracts/worker-api';
import { mergeResults, type ClassEntry, type ClassMerge } from '../core/classroom/merge';
import { tableClaims, verifyClaims, type TableVerdict } from '../core/classroom/verify';
import { toErrorInfo, type ErrorInfo } from '../core/errors';

/** The largest text file of links read: thousands of links, more than any class hands in. */
const MAX_LINKS_FILE = 8 * 1024 * 1024;

/**
 * The teacher's Class view: the links pasted or dropped, their merge (pure, core/classroom), and
 * the check of every claimed table accuracy against the NAS-Bench-201 table, looked up in the data
 * worker so the page never holds the table itself.
 */
export class ClassroomSession {
  open = $state(false);
  input = $state('');
  merged = $state.raw<ClassMerge | null>(null);
  /** Per line: what checking its claims against the table found. */
  verdicts = $state.raw<ReadonlyMap<number, TableVerdict>>(verifyClaims([], [], []));
  checking = $state(false);
  problem = $state.raw<ErrorInfo | null>(null);
  /** The line whose experiment is being re-run in the page, to compare digests when it ends. */
  rerunLine = $state<number | null>(null);

  constructor(private readonly data: Remote<DataWorkerApi>) {}

  async merge(): Promise<void> {
    const merged = mergeResults(this.input);
    this.merged = merged;
    this.verdicts = verifyClaims([], [], []);
    this.problem = null;
    const claims = tableClaims(merged.entries);
    if (claims.length === 0) return;
    this.checking = true;
    try {
      const answers: number[][] = [];
      for (const { dataset, encoded } of claims) answers.push(await this.data.tableAccuracies(dataset, encoded));
      if (this.merged !== merged) return;
      this.verdicts = verifyClaims(merged.entries, claims, answers);
    } catch (e) {
      this.problem = toErrorInfo(e);
    } finally {
      this.checking = false;
    }
  }

  /** A text file of links, one per line, added after what is already pasted. */
  async addFile(file: File): Promise<void> {
    if (file.size > MAX_LINKS_FILE) {
      this.problem = {
        code: 'invalid-link',
        message: `${file.name.slice(0, 60)} is ${Math.round(file.size / 1024 / 1024)} MB; a file of result links is at most ${MAX_LINKS_FILE / 1024 / 1024} MB.`,
        hint: 'Split it into smaller files.',
      };
      return;
    }
    const text = await file.text();
    this.input = this.input.trim() ? `${this.input.trimEnd()}\n${text}` : text;
  }

  /** Flagged entries are left out of the per-strategy summary: a copy or a false claim would skew it. */
  flagged(e: ClassEntry): boolean {
    return e.duplicate !== null || !e.matchesDigest || this.verdicts.get(e.line)?.kind === 'wrong';
  }
}
