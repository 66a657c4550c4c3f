import { describe, expect, it } from 'vitest';
import { newestWins } from '../../../src/ui/views/newest-wins';

/** A promise settled by hand, to return answers in any order. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** A newestWins and what it drew, in order. */
function drawing(): { newest: ReturnType<typeof newestWins>; drawn: string[]; draw(value: string): void } {
  const drawn: string[] = [];
  return { newest: newestWins(), drawn, draw: (v) => drawn.push(v) };
}

/** Answers an awaited request and lets its `then` run. */
async function answer(request: { promise: Promise<string>; resolve(value: string): void }, value: string): Promise<void> {
  request.resolve(value);
  await request.promise;
  await Promise.resolve();
}

describe('only the newest request is drawn', () => {
  it('drops an older answer that comes back after a newer one', async () => {
    const { newest, drawn, draw } = drawing();
    const first = deferred<string>();
    const second = deferred<string>();
    newest.later(first.promise, draw);
    newest.later(second.promise, draw);
    await answer(second, 'second');
    await answer(first, 'first');
    expect(drawn).toEqual(['second']);
  });

  it('drops an older answer that comes back before the newer one, keeping the newer', async () => {
    const { newest, drawn, draw } = drawing();
    const first = deferred<string>();
    const second = deferred<string>();
    newest.later(first.promise, draw);
    newest.later(second.promise, draw);
    await answer(first, 'first');
    expect(drawn).toEqual([]);
    await answer(second, 'second');
    expect(drawn).toEqual(['second']);
  });

  it('drops every answer on its way once a request is answered at once', async () => {
    const { newest, drawn, draw } = drawing();
    const pending = deferred<string>();
    newest.later(pending.promise, draw);
    newest.now();
    await answer(pending, 'late');
    expect(drawn).toEqual([]);
    newest.later(Promise.resolve('next'), draw);
    await Promise.resolve();
    await Promise.resolve();
    expect(drawn).toEqual(['next']);
  });
});
