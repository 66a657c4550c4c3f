/**
 * Answers that may come back out of order (a layout from a worker, a cached one at once) where
 * only the newest request counts: an older answer arriving late never overwrites a newer one.
 */
export interface NewestWins {
  /** Runs `then` with the answer, unless a newer request was made before it came. */
  later<T>(answer: Promise<T>, then: (value: T) => void): void;
  /** A request answered at once: every answer still on its way is dropped. */
  now(): void;
}

export function newestWins(): NewestWins {
  let wanted = 0;
  return {
    later(answer, then) {
      const token = ++wanted;
      void answer.then((value) => {
        if (token === wanted) then(value);
      });
    },
    now() {
      wanted++;
    },
  };
}
