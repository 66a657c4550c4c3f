/**
 * What the CLI writes: text from outside (a link's file name, a CSV's headers, an error echoing
 * them) reaches a terminal, where control characters can retitle or clear it, and bidirectional
 * overrides can disguise it. They are dropped; tabs and line breaks stay.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '');
}

export const out = (text: string): void => void process.stdout.write(terminalSafe(text));
export const err = (text: string): void => void process.stderr.write(terminalSafe(text));

/** Exits once everything written has reached the pipe: process.exit() right after a write cut piped output at 64 KB. */
export async function exitAfterDrain(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((done) => stream.write('', () => done()))));
  process.exit(code);
}
