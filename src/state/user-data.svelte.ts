import type { Remote } from 'comlink';
import type { UserFileSummary } from '../contracts/data';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { transfer } from '../worker/client';
import { readUserFile, zipUserFolder, type UserBytes } from './user-files';

/** The file the experiment names: what the link carries instead of the data itself. */
export type UserFileRef = NonNullable<Experiment['data']['file']>;

/**
 * The user's own data: a file or a folder they chose, handed to the worker (which checks and keeps
 * it; it never leaves the device), and what the worker found in it, for the dataset controls.
 */
export class UserData {
  /** Columns of the user's own table, once loaded: the label can be any of them. */
  columns = $state.raw<string[]>([]);
  /** What the worker found in the file, for the dataset menu and the hint under it. */
  summary = $state<string | null>(null);

  constructor(
    /** Every worker that reads the file: the search worker first (its answer is the one shown), then the data worker. */
    private readonly workers: ReadonlyArray<
      Pick<Remote<{ setUserFile(name: string, bytes: Uint8Array, label?: string): Promise<UserFileSummary> }>, 'setUserFile'>
    >,
    private readonly onLoaded: (file: UserFileRef) => void,
    private readonly fail: (error: ErrorInfo) => void,
  ) {}

  /** How to read the last file or folder again: a fresh worker (after one died) needs the bytes the dead one held. */
  private last: (() => Promise<UserBytes>) | null = null;

  /** A CSV or a zip of class folders. */
  loadFile(file: File): Promise<void> {
    return this.load(() => readUserFile(file));
  }

  /** A folder of class folders (from a directory picker), zipped here so the worker reads it like a zip. */
  loadFolder(files: FileList | File[]): Promise<void> {
    const list = [...files];
    return this.load(() => zipUserFolder(list));
  }

  /** Hands the last file to one worker again (the browser keeps File objects as handles, not copies). */
  async resend(worker: number): Promise<void> {
    if (!this.last) return;
    try {
      const { name, bytes } = await this.last();
      await this.workers[worker]!.setUserFile(name, transfer(bytes, [bytes.buffer as ArrayBuffer]));
    } catch (e) {
      this.fail(toErrorInfo(e));
    }
  }

  private async load(read: () => Promise<UserBytes>): Promise<void> {
    try {
      const { name, bytes } = await read();
      // Each worker gets its own copy; the search worker's check is the one the page shows.
      const [result] = await Promise.all(
        this.workers.map((w, i) => w.setUserFile(name, i === this.workers.length - 1 ? transfer(bytes, [bytes.buffer as ArrayBuffer]) : bytes.slice())),
      );
      if (!result) return;
      this.last = read;
      this.columns = result.columns;
      this.summary = result.summary;
      this.onLoaded({ name: name.slice(0, 200), hash: result.hash, ...(result.kind === 'table' ? { label: result.labelColumn } : {}) });
    } catch (e) {
      this.fail(toErrorInfo(e));
    }
  }
}
