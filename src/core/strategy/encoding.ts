import type { Decision } from '../space/types';

/** One-hot features of a choice vector: the input of the surrogates and density models. A decision not made yet (−1: a cell still growing) is all zeros. */
export function oneHot(decisions: readonly Decision[], choices: readonly number[]): Float64Array {
  const width = decisions.reduce((n, d) => n + d.options.length, 0);
  const out = new Float64Array(width);
  let offset = 0;
  decisions.forEach((d, k) => {
    if (choices[k]! >= 0) out[offset + choices[k]!] = 1;
    offset += d.options.length;
  });
  return out;
}

/** A key for a choice vector, for dedup. */
export function choiceKey(choices: readonly number[]): string {
  return choices.join(',');
}
