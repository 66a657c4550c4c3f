import { PlaygroundError } from './errors';

/** The largest table the playground reads: a browser tab holds the whole table in memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The refusal for a file over the limit, or null; checked before a byte is read. */
export function fileTooLarge(name: string, bytes: number): PlaygroundError | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  return new PlaygroundError(
    'incompatible-data',
    `${name} is ${(bytes / 1024 / 1024).toFixed(0)} MB; the playground reads tables up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
    'Take a random sample of the rows and try again.',
  );
}
