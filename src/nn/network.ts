import type * as tf from '@tensorflow/tfjs-core';
import type { NetGraph } from '../core/net/index';
import type { BuildContext } from './layers';

/** A built model: its variables live in `ctx`; `apply` maps NHWC images to class logits. */
export interface Network {
  ctx: BuildContext;
  apply(x: tf.Tensor4D, training: boolean): tf.Tensor2D;
  /** The layer graph it was built from, and its variables in the order the graph lists its weights (for export). */
  graph: NetGraph;
  variables: tf.Variable[];
}
