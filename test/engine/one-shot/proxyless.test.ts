import { describe, expect, it } from 'vitest';
import { Proxyless } from '../../../src/engine/one-shot/methods';
import { rescaleSampled } from '../../../src/engine/one-shot/proxyless';
import { on } from '../../nn/helpers';
import { tinyNb201Setup } from './helpers';

const softmax = (row: number[]) => {
  const top = Math.max(...row);
  const e = row.map((v) => Math.exp(v - top));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

describe('ProxylessNAS α rescaling (Cai et al. 2019, §3.2.1)', () => {
  it('shifts the sampled pair so the ops not sampled keep their probabilities, and the pair keeps its total', () => {
    const before = Float32Array.from([0.3, -0.2, 0.1, 0.5, 0, 1.2, -0.7, 0.4]);
    // An update that moved the pair (1, 3) of edge 0 and the single op 2 of edge 1, and, by momentum, op 0 of edge 1.
    const after = before.slice();
    after[1] = after[1]! + 0.4;
    after[3] = after[3]! - 0.1;
    after[6] = after[6]! + 0.3;
    after[4] = after[4]! + 0.05;
    rescaleSampled(before, after, 4, [{ ops: [1, 3] }, { ops: [2] }]);
    const p0 = softmax(Array.from(before.subarray(0, 4)));
    const q0 = softmax(Array.from(after.subarray(0, 4)));
    expect(q0[0]).toBeCloseTo(p0[0]!, 6);
    expect(q0[2]).toBeCloseTo(p0[2]!, 6);
    expect(q0[1]! + q0[3]!).toBeCloseTo(p0[1]! + p0[3]!, 6);
    // The pair's shares moved as the update moved them: towards op 1.
    expect(q0[1]! / q0[3]!).toBeGreaterThan(p0[1]! / p0[3]!);
    // A single sampled op is put back where it was; ops outside the pair are not touched.
    expect(after[6]).toBeCloseTo(before[6]!, 6);
    expect(after[4]).toBeCloseTo(before[4]! + 0.05, 6);
  });

  it('an α step of a fresh search changes the probabilities of the sampled ops only', async () => {
    await on('wasm');
    const setup = tinyNb201Setup('proxyless', 'proxyless', 16, { archLearningRate: 0.2, latencyWeight: 0 });
    const method = new Proxyless(setup);
    const before = (await method.view()).probs;
    await method.trainEpoch(1); // one batch: one α step, then one weight step
    const after = (await method.view()).probs;
    let moved = 0;
    before.forEach((row, e) => {
      const changed = row.flatMap((p, k) => (Math.abs(p - after[e]![k]!) > 1e-6 ? [k] : []));
      expect(changed.length).toBeLessThanOrEqual(2);
      const sum = (r: number[]) => changed.reduce((s, k) => s + r[k]!, 0);
      expect(sum(after[e]!)).toBeCloseTo(sum(row), 5);
      moved += changed.length;
    });
    expect(moved).toBeGreaterThan(0);
    method.dispose();
    setup.supernet.dispose();
  });
});
