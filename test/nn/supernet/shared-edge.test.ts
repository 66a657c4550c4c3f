import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { CellSpace } from '../../../src/core/space/cell';
import { Nb201Space } from '../../../src/core/space/nb201';
import type { SearchSpace } from '../../../src/core/space/types';
import { buildSupernet, type ChooseEdge, type Supernet } from '../../../src/nn/supernet/index';
import { edgeCandidate } from '../../../src/nn/supernet/shared-edge';
import { BuildContext } from '../../../src/nn/layers';
import { maxAbsDiff, on, seeded, tf } from '../helpers';

const INPUT = { height: 8, width: 8, channels: 1 };

/** DARTS's mixed op on every edge: every op but `none` (or, `pruned`, a different few per edge, as P-DARTS's later stages), weighted by softmax(α). */
function mixed(net: Supernet, alpha: tf.Tensor2D, pruned: boolean): ChooseEdge {
  const probs = tf.softmax(alpha);
  return (edge) => {
    const ops = net.ops.flatMap((op, k) => (op === 'none' || (pruned && (edge + k) % 3 === 0) ? [] : [k]));
    return { ops, coefs: ops.map((k) => tf.reshape(tf.slice(probs, [edge, k], [1, 1]), [])) };
  };
}

interface Pass {
  logits: tf.Tensor;
  grads: (tf.Tensor | undefined)[];
  alphaGrad: tf.Tensor;
  statistics: tf.Tensor[];
}

/** Logits, loss gradients for every weight and for α, and the running statistics after one training pass. */
function pass(space: SearchSpace, shareEdgeWork: boolean, x: tf.Tensor4D, y: tf.Tensor2D, alphaValues: tf.Tensor2D, pruned: boolean): Pass {
  const net = buildSupernet(space, INPUT, 10, createRng('shared-edge'), { shareEdgeWork });
  const alpha = tf.variable(alphaValues.clone(), true);
  let logits: tf.Tensor | null = null;
  const { value, grads } = tf.variableGrads(() => {
    const out = net.apply(x, true, mixed(net, alpha, pruned));
    logits = tf.keep(out);
    return tf.losses.softmaxCrossEntropy(y, out) as tf.Scalar;
  }, [...net.ctx.trainable, alpha]);
  const result = {
    logits: logits!,
    grads: net.ctx.trainable.map((v) => grads[v.name]),
    alphaGrad: grads[alpha.name]!,
    statistics: net.ctx.statistics.map((s) => s.clone()),
  };
  value.dispose();
  net.dispose();
  alpha.dispose();
  return result;
}

describe('work shared across the ops of a mixed edge', () => {
  beforeAll(() => on('wasm'));

  const spaces: [string, SearchSpace, boolean][] = [
    ['DARTS cells (normal and reduction)', new CellSpace({ nodes: 3, channels: 4, stemMultiplier: 1 }), false],
    ['DARTS cells, a few ops per edge (P-DARTS pruned)', new CellSpace({ nodes: 3, channels: 4, stemMultiplier: 1 }), true],
    ['NAS-Bench-201 cells', new Nb201Space({ channels: 4, cellsPerStage: 1 }), false],
  ];
  it.each(spaces)('%s: the same logits, weight and α gradients and running statistics as every op on its own', (_, space, pruned) => {
    const x = seeded([6, 8, 8, 1], 'x') as tf.Tensor4D;
    const y = tf.oneHot(tf.tensor1d([0, 3, 5, 9, 2, 7], 'int32'), 10) as tf.Tensor2D;
    const probe = buildSupernet(space, INPUT, 10, createRng('probe'));
    const shape = [probe.edges.length, probe.ops.length];
    probe.dispose();
    // α far from uniform, so a mix-up of ops or edges would show.
    const alpha = tf.mul(seeded(shape, 'alpha'), 2) as tf.Tensor2D;
    const before = pass(space, false, x, y, alpha, pruned);
    const after = pass(space, true, x, y, alpha, pruned);
    expect(after.grads).toHaveLength(before.grads.length);
    expect(maxAbsDiff(after.logits, before.logits)).toBeLessThan(1e-5);
    expect(maxAbsDiff(after.alphaGrad, before.alphaGrad)).toBeLessThan(1e-5);
    // Ops left out of every edge (pruned) get no gradient, alike in both.
    expect(after.grads.map((g) => g === undefined)).toEqual(before.grads.map((g) => g === undefined));
    before.grads.forEach((g, i) => g && expect(maxAbsDiff(after.grads[i]!, g)).toBeLessThan(1e-4));
    before.statistics.forEach((s, i) => expect(maxAbsDiff(after.statistics[i]!, s)).toBeLessThan(1e-5));
    // The gradients are not all zero: the comparison means something.
    expect(tf.max(tf.abs(before.alphaGrad)).dataSync()[0]).toBeGreaterThan(1e-4);
    tf.dispose([x, y, alpha, ...[before, after].flatMap((p) => [p.logits, p.alphaGrad, ...p.statistics, ...p.grads.filter((g) => g !== undefined)])]);
  });

  it('marks what each DARTS op can share: the ReLU of ReLU-conv-BN and FactorizedReduce, a pooling, nothing for identity', () => {
    const ctx = new BuildContext(createRng('kinds'));
    const kind = (op: Parameters<typeof edgeCandidate>[1], stride: number, share = true) => edgeCandidate(ctx, op, { cin: 4, cout: 4, stride }, share).input;
    expect(kind('sep_conv_3x3', 1)).toEqual({ kind: 'relu' });
    expect(kind('dil_conv_5x5', 2)).toEqual({ kind: 'relu' });
    expect(kind('skip_connect', 2)).toEqual({ kind: 'relu' });
    expect(kind('nor_conv_1x1', 1)).toEqual({ kind: 'relu' });
    expect(kind('skip_connect', 1)).toEqual({ kind: 'raw' });
    expect(kind('max_pool_3x3', 2)).toEqual({ kind: 'pool', key: 'maxpool-3-2' });
    expect(kind('avg_pool_3x3', 1)).toEqual({ kind: 'pool', key: 'avgpool-3-1' });
    expect(edgeCandidate(ctx, 'none', { cin: 4, cout: 4, stride: 1 }, true).layer).toBeNull();
    expect(kind('sep_conv_3x3', 1, false)).toEqual({ kind: 'raw' });
    expect(kind('max_pool_3x3', 1, false)).toEqual({ kind: 'raw' });
    ctx.dispose();
  });

  it('builds the same weights in the same order with sharing on and off', async () => {
    const space = new CellSpace({ nodes: 2, channels: 2, stemMultiplier: 1 });
    const plain = buildSupernet(space, INPUT, 10, createRng('order'));
    const shared = buildSupernet(space, INPUT, 10, createRng('order'), { shareEdgeWork: true });
    expect(shared.ctx.trainable.map((v) => v.shape)).toEqual(plain.ctx.trainable.map((v) => v.shape));
    for (let i = 0; i < plain.ctx.trainable.length; i++) expect(maxAbsDiff(shared.ctx.trainable[i]!, plain.ctx.trainable[i]!)).toBe(0);
    plain.dispose();
    shared.dispose();
  });
});
