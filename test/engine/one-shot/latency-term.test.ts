import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { expectedLatency, latencyLoss, uniformLatency } from '../../../src/engine/one-shot/latency-term';
import { on, tf } from '../../nn/helpers';

const rng = createRng('latency-term');
const EDGES = 4;
const OPS = 7;
const TABLE = Array.from({ length: EDGES }, () => Array.from({ length: OPS }, (_, k) => (k === 0 ? 0 : 0.1 + 2 * rng.next())));
const ALPHA = Array.from({ length: EDGES * OPS }, () => rng.normal());
const FIXED = 0.7;

/** E[LAT] of α, computed in float64 outside tfjs. */
function expected(alpha: readonly number[]): number {
  let total = FIXED;
  for (let e = 0; e < EDGES; e++) {
    const row = alpha.slice(e * OPS, (e + 1) * OPS);
    const top = Math.max(...row);
    const ex = row.map((v) => Math.exp(v - top));
    const sum = ex.reduce((a, b) => a + b, 0);
    ex.forEach((v, k) => (total += (v / sum) * TABLE[e]![k]!));
  }
  return total;
}

describe('ProxylessNAS expected latency (Cai et al. 2019, Eq. 5–6)', () => {
  it('its value is Σ p · LAT plus the fixed part, and its gradient w.r.t. α matches central differences', async () => {
    await on('cpu');
    const alpha = tf.tensor2d(ALPHA, [EDGES, OPS]);
    const f = (a: tf.Tensor) => expectedLatency(tf.softmax(a) as tf.Tensor2D, TABLE, FIXED);
    expect(f(alpha).dataSync()[0]).toBeCloseTo(expected(ALPHA), 4);
    const grad = Array.from(tf.grad(f)(alpha).dataSync());
    const h = 1e-4;
    ALPHA.forEach((_, i) => {
      const up = ALPHA.map((v, j) => (j === i ? v + h : v));
      const down = ALPHA.map((v, j) => (j === i ? v - h : v));
      const numeric = (expected(up) - expected(down)) / (2 * h);
      expect(grad[i], `α[${Math.floor(i / OPS)}][${i % OPS}]`).toBeCloseTo(numeric, 4);
    });
    // Not a flat function: the check has something to match.
    expect(Math.max(...grad.map(Math.abs))).toBeGreaterThan(0.01);
    alpha.dispose();
  });

  it('the loss adds λ · E[LAT] / target to the cross-entropy; the default target is a uniform choice among the allowed ops', async () => {
    await on('cpu');
    const allowed = TABLE.map((row, e) => row.map((_, k) => k > 0 || e > 0));
    const uniform = uniformLatency(TABLE, allowed, FIXED);
    const byHand = FIXED + TABLE.reduce((s, row, e) => s + row.reduce((t, v, k) => t + (allowed[e]![k] ? v : 0), 0) / (e === 0 ? OPS - 1 : OPS), 0);
    expect(uniform).toBeCloseTo(byHand, 10);
    const probs = tf.softmax(tf.tensor2d(ALPHA, [EDGES, OPS])) as tf.Tensor2D;
    const loss = latencyLoss(tf.scalar(1.5), probs, TABLE, FIXED, 0.3, 4).dataSync()[0]!;
    expect(loss).toBeCloseTo(1.5 + (0.3 * expected(ALPHA)) / 4, 4);
  });
});
