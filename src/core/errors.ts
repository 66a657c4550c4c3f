/**
 * Errors a person can act on: what was wrong, where, and what to do. Each carries a `code` so a
 * caller (the UI, the CLI) can decide how to show it without parsing the message.
 */
export type ErrorCode =
  | 'invalid-genotype'
  | 'invalid-config'
  | 'invalid-link'
  | 'unsupported-link-version'
  | 'incompatible-data'
  | 'dataset-load'
  | 'backend'
  | 'cancelled'
  | 'worker-lost';

export class PlaygroundError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What the person can do about it. */
    readonly hint = '',
  ) {
    super(message);
    this.name = 'PlaygroundError';
  }

  /** Message and hint as one sentence pair, for a status line or a terminal. */
  describe(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }
}

export function isPlaygroundError(e: unknown): e is PlaygroundError {
  return e instanceof PlaygroundError;
}

/** Plain form that survives structured cloning across the worker boundary. */
export interface ErrorInfo {
  code: ErrorCode | 'internal';
  message: string;
  hint: string;
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof PlaygroundError) return { code: e.code, message: e.message, hint: e.hint };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message, hint: 'This is a bug in NAS Playground; the share link reproduces it.' };
}
