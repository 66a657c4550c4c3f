/**
 * Reads a value once a second while `active()` holds and hands each to `use`; the first failed read
 * ends it (the worker is gone, or busy beyond answering).
 */
export async function pollEverySecond<T>(read: () => Promise<T>, active: () => boolean, use: (value: T) => void, intervalMs = 1000): Promise<void> {
  while (active()) {
    try {
      use(await read());
    } catch {
      return;
    }
    await new Promise((wake) => setTimeout(wake, intervalMs));
  }
}
