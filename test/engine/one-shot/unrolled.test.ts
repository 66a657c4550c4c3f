import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { crossEntropy, type Batch } from '../../../src/engine/one-shot/common';
import { unrolledGradient, unrolledGradients } from '../../../src/engine/one-shot/unrolled';
import { BuildContext } from '../../../src/nn/layers';
import type { ChooseEdge, Supernet } from '../../../src/nn/supernet/index';
import { on, seeded } from '../../nn/helpers';

const FEATURES = 5;
const CLASSES = 3;
const OPS = ['none', 'linear', 'tanh', 'identity'];

/**
 * A small supernet that is smooth in its weights and in α: two edges in a chain, each mixing a
 * zero op, a linear map, tanh of a linear map and the identity, then a linear head. A real cell's
 * ReLUs make ∇w L jump wherever a unit changes sign, so finite differences in α there measure
 * those jumps rather than the derivative; a smooth supernet checks the formula itself.
 */
function smoothSupernet(): Supernet<{ ops: string[] }> {
  const ctx = new BuildContext(createRng('smooth'));
  const edges = [0, 1].map(() => ({ linear: ctx.weight([FEATURES, FEATURES], 0.5), tanh: ctx.weight([FEATURES, FEATURES], 0.5) }));
  const head = ctx.weight([FEATURES, CLASSES], 0.5);
  const bias = ctx.constant([CLASSES], 0.1, true);
  const apply = (x: tf.Tensor4D, _training: boolean, choose: ChooseEdge) => {
    let h = tf.reshape(x, [x.shape[0], FEATURES]) as tf.Tensor2D;
    edges.forEach((w, e) => {
      const outs: Array<tf.Tensor2D | null> = [null, tf.matMul(h, w.linear), tf.tanh(tf.matMul(h, w.tanh)), h];
      const choice = choose(e);
      h = tf.addN(choice.ops.map((k, i) => tf.mul(outs[k]!, choice.coefs![i]!))) as tf.Tensor2D;
    });
    return tf.add(tf.matMul(h, head), bias) as tf.Tensor2D;
  };
  return {
    ctx,
    ops: OPS,
    edges: [0, 1].map((e) => ({ group: 'cell', from: e, to: e + 1, label: `${e} → ${e + 1}` })),
    parameterFree: [true, false, false, true],
    noneInGenotypes: false,
    cells: 1,
    apply,
    pathOf: (g) => g.ops.map((op) => [OPS.indexOf(op)]),
    variablesOf: () => ({ trainable: ctx.trainable, statistics: [] }),
    derive: () => ({ ops: ['linear', 'linear'] }),
    dispose: () => ctx.dispose(),
  };
}

function batch(seed: string, n: number): Batch {
  const rng = createRng(seed);
  return {
    x: seeded([n, 1, 1, FEATURES], seed) as tf.Tensor4D,
    y: tf.oneHot(
      tf.tensor1d(
        Array.from({ length: n }, () => rng.int(CLASSES)),
        'int32',
      ),
      CLASSES,
    ) as tf.Tensor2D,
    n,
  };
}

/** DARTS's mixed op: every op but `none`, weighted by softmax(α), made inside the caller's gradient scope. */
function mixed(alpha: tf.Variable): () => ChooseEdge {
  return () => {
    const probs = tf.softmax(alpha) as tf.Tensor2D;
    const ops = [1, 2, 3];
    return (edge) => ({ ops, coefs: ops.map((k) => tf.reshape(tf.slice(probs, [edge, k], [1, 1]), []) as tf.Scalar) });
  };
}

/** Applies w ← w − ξ (∇w L_train + λw) (decay on matrices) to the supernet's weights, by autodiff at α. */
function virtualStep(supernet: Supernet, alpha: tf.Variable, train: Batch, xi: number, wd: number): void {
  const weights = supernet.ctx.trainable;
  const { value, grads } = tf.variableGrads(() => crossEntropy(supernet, train, mixed(alpha)()), weights);
  tf.tidy(() => weights.forEach((w) => w.assign(tf.sub(w, tf.mul(tf.add(grads[w.name]!, tf.mul(w, w.rank > 1 ? wd : 0)), xi)))));
  tf.dispose([value, ...Object.values(grads)]);
}

/** The objective the second-order gradient differentiates, computed directly: L_val after one exact virtual step. Weights restored. */
function unrolledLoss(supernet: Supernet, alpha: tf.Variable, val: Batch, train: Batch, xi: number, wd: number): number {
  const saved = supernet.ctx.trainable.map((w) => tf.clone(w));
  virtualStep(supernet, alpha, train, xi, wd);
  const loss = tf.tidy(() => crossEntropy(supernet, val, mixed(alpha)()).dataSync()[0]!);
  tf.tidy(() => supernet.ctx.trainable.forEach((w, i) => w.assign(saved[i]!)));
  tf.dispose(saved);
  return loss;
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const distance = (a: number[], b: number[]) => norm(a.map((x, i) => x - b[i]!));

describe('DARTS second-order α gradient', () => {
  it('agrees with a numerical gradient of the unrolled validation loss on a small supernet, where the first-order one does not', async () => {
    await on('cpu');
    const supernet = smoothSupernet();
    const rng = createRng('alpha');
    const alpha = tf.variable(
      tf.tensor2d(
        Float32Array.from({ length: 2 * OPS.length }, () => 0.5 * rng.normal()),
        [2, OPS.length],
      ),
    );
    const [val, train] = [batch('val', 24), batch('train', 24)];
    const [xi, wd] = [0.5, 0.05];
    const weightsBefore = supernet.ctx.trainable.map((w) => Array.from(w.dataSync()));
    const tensors = tf.memory().numTensors;
    const result = await unrolledGradient(supernet, alpha, mixed(alpha), val, train, xi, wd);
    const analytic = Array.from(result.dataSync());
    result.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    // The weights are left as they were.
    expect(supernet.ctx.trainable.map((w) => Array.from(w.dataSync()))).toEqual(weightsBefore);

    const start = alpha.dataSync().slice();
    const numeric = Array.from(start, (_, i) => {
      const at = (delta: number) => {
        const moved = start.slice();
        moved[i] = moved[i]! + delta;
        alpha.assign(tf.tensor2d(moved, [2, OPS.length]));
        return unrolledLoss(supernet, alpha, val, train, xi, wd);
      };
      // Central differences at h and h/2, extrapolated (Richardson): the O(h²) error cancels.
      const central = (h: number) => (at(h) - at(-h)) / (2 * h);
      const value = (4 * central(0.01) - central(0.02)) / 3;
      alpha.assign(tf.tensor2d(start, [2, OPS.length]));
      return value;
    });
    // What a first-order method uses instead: ∇α L_val at the stepped weights, without the Hessian term.
    const saved = supernet.ctx.trainable.map((w) => tf.clone(w));
    virtualStep(supernet, alpha, train, xi, wd);
    const first = tf.variableGrads(() => crossEntropy(supernet, val, mixed(alpha)()), [alpha]);
    const partial = Array.from(first.grads[alpha.name]!.dataSync());
    tf.tidy(() => supernet.ctx.trainable.forEach((w, i) => w.assign(saved[i]!)));

    const error = distance(analytic, numeric) / norm(numeric);
    const firstOrderError = distance(partial, numeric) / norm(numeric);
    expect(norm(numeric)).toBeGreaterThan(1e-2);
    expect(error).toBeLessThan(0.01);
    expect(firstOrderError).toBeGreaterThan(10 * error);
    tf.dispose([first.value, ...Object.values(first.grads), ...saved, alpha, val.x, val.y, train.x, train.y]);
    supernet.dispose();
  });

  it('with α split over two variables (as α and Auto-DeepLab’s β are), gives each its rows of the one-variable gradient', async () => {
    await on('cpu');
    const supernet = smoothSupernet();
    const rng = createRng('split');
    const values = Float32Array.from({ length: 2 * OPS.length }, () => 0.5 * rng.normal());
    const alpha = tf.variable(tf.tensor2d(values, [2, OPS.length]));
    const rows = [0, 1].map((e) => tf.variable(tf.tensor2d(values.slice(e * OPS.length, (e + 1) * OPS.length), [1, OPS.length])));
    const split = (): ChooseEdge => {
      const probs = rows.map((r) => tf.softmax(r) as tf.Tensor2D);
      return (edge) => ({ ops: [1, 2, 3], coefs: [1, 2, 3].map((k) => tf.reshape(tf.slice(probs[edge]!, [0, k], [1, 1]), []) as tf.Scalar) });
    };
    const [val, train] = [batch('val-split', 16), batch('train-split', 16)];
    const whole = await unrolledGradient(supernet, alpha, mixed(alpha), val, train, 0.5, 0.05);
    const parts = await unrolledGradients(supernet, rows, split, val, train, 0.5, 0.05);
    expect(parts).toHaveLength(2);
    const joined = parts.flatMap((p) => Array.from(p.dataSync()));
    expect(norm(Array.from(whole.dataSync()))).toBeGreaterThan(1e-3);
    expect(distance(joined, Array.from(whole.dataSync()))).toBeLessThan(1e-4);
    tf.dispose([whole, ...parts, alpha, ...rows, val.x, val.y, train.x, train.y]);
    supernet.dispose();
  });
});
