import type { Rng } from '../rng';

/** Probabilities from logits, shifted by the maximum for numerical safety. */
export function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** An index drawn with probabilities `p` from one uniform number (the last index absorbs rounding). */
export function sampleIndex(p: readonly number[], rng: Rng): number {
  let u = rng.next();
  for (let c = 0; c < p.length; c++) if ((u -= p[c]!) < 0) return c;
  return p.length - 1;
}
