import { describe, expect, it } from 'vitest';
import { newestWins } from '../../../src/ui/views/newest-wins';

/** A promise settled by hand, to return answers in any order. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('only the newest request is drawn', () => {
  it('drops an older answer that comes back after a newer one', async () => {
    const newest = newestWins();
    const drawn: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    newest.later(first.promise, (v) => drawn.push(v));
    newest.later(second.promise, (v) => drawn.push(v));
    second.resolve('second');
    await second.promise;
    first.resolve('first');
    await first.promise;
    await Promise.resolve();
    expect(drawn).toEqual(['second']);
  });

  it('drops an older answer that comes back before the newer one, keeping the newer', async () => {
    const newest = newestWins();
    const drawn: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    newest.later(first.promise, (v) => drawn.push(v));
    newest.later(second.promise, (v) => drawn.push(v));
    first.resolve('first');
    await first.promise;
    await Promise.resolve();
    expect(drawn).toEqual([]);
    second.resolve('second');
    await second.promise;
    await Promise.resolve();
    expect(drawn).toEqual(['second']);
  });

  it('drops every answer on its way once a request is answered at once', async () => {
    const newest = newestWins();
    const drawn: string[] = [];
    const pending = deferred<string>();
    newest.later(pending.promise, (v) => drawn.push(v));
    newest.now();
    pending.resolve('late');
    await pending.promise;
    await Promise.resolve();
    expect(drawn).toEqual([]);
    newest.later(Promise.resolve('next'), (v) => drawn.push(v));
    await Promise.resolve();
    await Promise.resolve();
    expect(drawn).toEqual(['next']);
  });
});
