import type { InputShape } from '../space/types';

/**
 * A network as a small layer graph: primitive nodes (op, attributes, inputs, weights) in the order
 * their weights are created. The tfjs builder, the exporters (ONNX, TensorFlow.js, PyTorch) and the
 * drawing all read this one description, so they cannot drift apart. Tensors are N × H × W × C.
 */
export type Prim =
  | { kind: 'input' }
  /** Convolution, TensorFlow's 'same' padding, no bias; weight [kh, kw, C_in, C_out]. */
  | { kind: 'conv'; kernel: [number, number]; stride: [number, number]; cout: number }
  /** Depthwise k × k at stride 1, 'same' padding, dilated; `subsample` keeps every second output pixel. Weight [k, k, C, 1]. */
  | { kind: 'depthwise'; kernel: number; dilation: number; subsample: boolean }
  /** Batch norm over N, H, W; in inference mode it uses the running statistics. */
  | { kind: 'batchnorm' }
  | { kind: 'relu' }
  | { kind: 'sigmoid' }
  /** Sum of the inputs (same shapes). */
  | { kind: 'add' }
  /** Channel concatenation. */
  | { kind: 'concat' }
  /** x [N, H, W, C] times a per-example gate [N, C]. */
  | { kind: 'scale' }
  /** Pooling, 'same' padding (average excludes the padding). */
  | { kind: 'maxpool' | 'avgpool'; kernel: number; stride: number }
  /** Every second row and column, from the first. */
  | { kind: 'subsample' }
  /** Drops the first row and column (FactorizedReduce's shifted path). */
  | { kind: 'shift' }
  /** Zeros of the input's shape (a node no edge reaches). */
  | { kind: 'zeros' }
  /** Nearest-neighbour × 2. */
  | { kind: 'upsample' }
  /** Global average over H and W: [N, C]. */
  | { kind: 'mean' }
  /** [N, C_in] · weight [C_in, units] + bias. */
  | { kind: 'dense'; units: number };

export type PrimKind = Prim['kind'];

/** How a weight starts: seeded normal values with this standard deviation, or a constant. */
export type WeightInit = { normal: number } | { fill: number };

export interface WeightSpec {
  /** Dotted path, the generated PyTorch module's state_dict key. */
  name: string;
  shape: number[];
  init: WeightInit;
  /** Trained by gradients; batch-norm running statistics are not. */
  trainable: boolean;
}

export interface NetNode {
  id: number;
  prim: Prim;
  inputs: number[];
  /** The module this node belongs to (dotted path), for names and the drawing. */
  scope: string;
  weights: WeightSpec[];
  /** Output shape of one example: [H, W, C], or [C] after global pooling. */
  shape: number[];
}

export interface NetGraph {
  space: string;
  input: InputShape;
  classes: number;
  nodes: NetNode[];
  output: number;
}

/** What a trained model is, for the files it is exported to and the panel that shows it. */
export interface ModelAbout {
  /** The space's id and the genotype as the space encodes it and as plain data. */
  space: string;
  /** The space's settings (depth, channels…), which the generated PyTorch code reads beside the genotype. */
  settings: unknown;
  encoded: string;
  genotype: unknown;
  classNames: string[];
  dataset: string;
  /** The trial it comes from (0-based), its validation accuracy, and where it came from. */
  trial: number;
  accuracy: number;
  origin: string;
}

/** A network with trained weights: its layer graph, and one array per weight in the order the graph lists them. */
export interface TrainedModel {
  graph: NetGraph;
  weights: Float32Array[];
  about: ModelAbout;
}

/** Every weight of a graph, in order, with the node that holds it. */
export function graphWeights(graph: NetGraph): Array<{ node: NetNode; index: number; spec: WeightSpec }> {
  return graph.nodes.flatMap((node) => node.weights.map((spec, index) => ({ node, index, spec })));
}
