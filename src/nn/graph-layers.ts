import * as tf from '@tensorflow/tfjs-core';
import type { NetNode, Ref } from '../core/net/index';
import { batchNorm, type BuildContext, type Layer } from './layers';
import { depthwiseSame } from './depthwise-ops';
import { conv2d } from './ops';
import { avgPool, maxPool } from './pool-ops';
import { stepPath } from './step-path';

type Value = tf.Tensor;
/** One node's computation, given its inputs' values. */
type Step = (inputs: Value[], training: boolean) => Value;

/** Nearest-neighbour ×2 upsampling by broadcasting, so its gradient is a plain sum on every backend. */
function upsample2(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  return tf.reshape(tf.mul(tf.reshape(x, [n, h, 1, w, 1, c]), tf.ones([1, 1, 2, 1, 2, 1])), [n, 2 * h, 2 * w, c]);
}

/** Creates a node's variables on `ctx` (in the order the node lists them) and returns what it computes. */
function stepOf(ctx: BuildContext, node: NetNode, made: tf.Variable[], readsData: boolean): Step {
  const p = node.prim;
  const weight = (i: number) => {
    const spec = node.weights[i]!;
    const v = 'normal' in spec.init ? ctx.weight(spec.shape, spec.init.normal) : ctx.constant(spec.shape, spec.init.fill, spec.trainable);
    made.push(v);
    return v;
  };
  switch (p.kind) {
    case 'input':
      return ([x]) => x!;
    case 'conv': {
      const w = weight(0) as tf.Tensor4D;
      const [kh, kw, cin, cout] = w.shape;
      return ([x]) => {
        const y = conv2d(x as tf.Tensor4D, w, p.stride, 'same', !readsData || stepPath() === 'legacy');
        ctx.countMacs(kh * kw * cin * cout * y.shape[1] * y.shape[2]);
        return y;
      };
    }
    case 'depthwise': {
      const w = weight(0) as tf.Tensor4D;
      const [k, , c] = w.shape;
      return ([x]) => {
        const y = depthwiseSame(x as tf.Tensor4D, w, p.dilation, p.subsample ? 2 : 1, stepPath() === 'legacy');
        ctx.countMacs(k * k * c * y.shape[1] * y.shape[2]);
        return y;
      };
    }
    case 'batchnorm': {
      const start = ctx.trainable.length;
      const startStats = ctx.statistics.length;
      const norm = batchNorm(ctx, node.shape[node.shape.length - 1]!);
      made.push(...ctx.trainable.slice(start), ...ctx.statistics.slice(startStats));
      return ([x], training) => norm(x as tf.Tensor4D, training);
    }
    case 'dense': {
      const w = weight(0) as tf.Tensor2D;
      const b = weight(1);
      return ([x]) => {
        ctx.countMacs(w.shape[0] * w.shape[1]);
        return tf.add(tf.matMul(x as tf.Tensor2D, w), b);
      };
    }
    case 'relu':
      return ([x]) => tf.relu(x!);
    case 'sigmoid':
      return ([x]) => tf.sigmoid(x!);
    case 'add':
      return (xs) => (xs.length === 2 ? tf.add(xs[0]!, xs[1]!) : tf.addN(xs));
    case 'concat':
      return (xs) => tf.concat(xs, 3);
    case 'scale':
      return ([x, gate]) => tf.mul(x!, tf.reshape(gate!, [-1, 1, 1, x!.shape[3]!]));
    case 'maxpool':
      return ([x]) => maxPool(x as tf.Tensor4D, p.kernel, p.stride);
    case 'avgpool':
      return ([x]) => avgPool(x as tf.Tensor4D, p.kernel, p.stride);
    case 'subsample':
      return ([x]) => avgPool(x as tf.Tensor4D, 1, 2);
    case 'shift':
      return ([x]) => {
        const [n, h, w, c] = x!.shape as [number, number, number, number];
        return tf.slice(x!, [0, 1, 1, 0], [n, h - 1, w - 1, c]);
      };
    case 'zeros':
      return ([x]) => tf.zerosLike(x!);
    case 'upsample':
      return ([x]) => upsample2(x as tf.Tensor4D);
    case 'mean':
      return ([x]) => tf.mean(x!, [1, 2]);
  }
}

export interface GraphFunction {
  /** Runs the nodes on `x` (node 0's value) and returns the output node's value. */
  run(x: tf.Tensor, training: boolean): tf.Tensor;
  /** The variables the nodes made, in the order the graph lists its weights. */
  variables: tf.Variable[];
}

/**
 * Instantiates graph nodes on a build context: variables are created node by node from the
 * seeded stream, so a graph gives the weights the hand-written layers always gave. `dataInput`:
 * node 0 is the network's data (no gradient wanted), not a supernet op's input.
 */
export function instantiate(ctx: BuildContext, nodes: readonly NetNode[], output: Ref, dataInput = false): GraphFunction {
  const variables: tf.Variable[] = [];
  const steps = nodes.map((node) => stepOf(ctx, node, variables, dataInput && node.inputs[0] === 0));
  return {
    variables,
    run(x, training) {
      const values: Value[] = [x];
      for (let i = 1; i <= output; i++)
        values[i] = steps[i]!(
          nodes[i]!.inputs.map((k) => values[k]!),
          training,
        );
      return values[output]!;
    },
  };
}

/** A graph fragment on one 4-D input as a layer (for supernet candidates); `null` where the fragment is the zero op. */
export function fragmentLayer(ctx: BuildContext, nodes: readonly NetNode[], output: Ref | null): Layer | null {
  if (output === null) return null;
  const fn = instantiate(ctx, nodes, output);
  return (x, training) => fn.run(x, training) as tf.Tensor4D;
}
