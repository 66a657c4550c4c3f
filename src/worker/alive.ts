/**
 * The worker holds a Web Lock named after itself for as long as it lives. The page asks for the
 * same lock: it is granted only when the worker is gone (a crash, out of memory, closed), which
 * is how the page learns of a death that sends no message.
 */
export function holdLifeLock(name: string): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks || !name) return Promise.resolve();
  return new Promise((held) => {
    void locks.request(name, () => {
      held();
      return new Promise<void>(() => {});
    });
  });
}
