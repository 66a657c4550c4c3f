import onnxProto from 'onnx-proto';
import type { onnx as P } from 'onnx-proto';
import { graphWeights, nodePadding, type NetNode, type TrainedModel } from '../core/net/index';

// onnx-proto is CommonJS: its namespace comes as the default export in Node's ESM and in Vite.
const { onnx } = onnxProto;
import { channelsFirst } from './layout';

/** The opset the exported models declare; every op used exists there in the form written here. */
export const ONNX_OPSET = 13;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const A = onnx.AttributeProto.AttributeType;

type Attr = P.IAttributeProto;
const ints = (name: string, values: number[]): Attr => ({ name, type: A.INTS, ints: values });
const int = (name: string, i: number): Attr => ({ name, type: A.INT, i });
const float = (name: string, f: number): Attr => ({ name, type: A.FLOAT, f });
const text = (name: string, s: string): Attr => ({ name, type: A.STRING, s: new TextEncoder().encode(s) });

function floatTensor(name: string, dims: number[], data: Float32Array): P.ITensorProto {
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)) };
}
function int64Tensor(name: string, values: number[]): P.ITensorProto {
  return { name, dims: [values.length], dataType: INT64, int64Data: values };
}

/**
 * Writes the layer graph as ONNX nodes, channels first inside: the model takes the playground's
 * layout (N × H × W × C, float32) as `input`, transposes it once, and returns `logits` [N, classes].
 * Batch norm is in inference mode (BatchNormalization with the running statistics).
 */
export function toOnnx(model: TrainedModel): Uint8Array {
  const { graph } = model;
  const nodes: P.INodeProto[] = [];
  const inits: P.ITensorProto[] = [];
  const weightName = new Map<string, string>();
  const values = new Map<number, string>([[0, 'input_nchw']]);
  const constant = (name: string, vals: number[]) => {
    if (!inits.some((t) => t.name === name)) inits.push(int64Tensor(name, vals));
    return name;
  };
  graphWeights(graph).forEach(({ node, index, spec }, k) => {
    const w = channelsFirst(node, index, model.weights[k]!, false);
    inits.push(floatTensor(spec.name, w.shape, w.data));
    weightName.set(`${node.id}/${index}`, spec.name);
  });
  const zero = () => {
    if (!inits.some((t) => t.name === 'zero_scalar')) inits.push(floatTensor('zero_scalar', [], new Float32Array([0])));
    return 'zero_scalar';
  };
  nodes.push({ opType: 'Transpose', input: ['input'], output: ['input_nchw'], attribute: [ints('perm', [0, 3, 1, 2])], name: 'to_nchw' });
  const emit = (n: NetNode, opType: string, input: string[], attribute: Attr[] = [], out = `t${n.id}`) => {
    nodes.push({ opType, input, output: [out], attribute, name: `${n.scope}#${n.id}:${opType}` });
    return out;
  };
  for (const n of graph.nodes.slice(1)) {
    const x = n.inputs.map((i: number) => values.get(i)!);
    const w = (i: number) => weightName.get(`${n.id}/${i}`)!;
    const input = graph.nodes[n.inputs[0]!]!.shape;
    const [t, b, l, r] = nodePadding(n, input);
    const p = n.prim;
    let out = '';
    switch (p.kind) {
      case 'conv':
        out = emit(n, 'Conv', [x[0]!, w(0)], [ints('kernel_shape', p.kernel), ints('strides', p.stride), ints('pads', [t, l, b, r])]);
        break;
      case 'depthwise':
        // Stride 2 here is the stride-1 result's every second pixel: the same windows, since 'same' pads k − 1 in all.
        out = emit(
          n,
          'Conv',
          [x[0]!, w(0)],
          [
            ints('kernel_shape', [p.kernel, p.kernel]),
            ints('strides', p.subsample ? [2, 2] : [1, 1]),
            ints('dilations', [p.dilation, p.dilation]),
            ints('pads', [t, l, b, r]),
            int('group', input[2]!),
          ],
        );
        break;
      case 'batchnorm':
        out = emit(n, 'BatchNormalization', [x[0]!, w(0), w(1), w(2), w(3)], [float('epsilon', 1e-5)]);
        break;
      case 'relu':
        out = emit(n, 'Relu', x);
        break;
      case 'sigmoid':
        out = emit(n, 'Sigmoid', x);
        break;
      case 'add':
        out = emit(n, x.length === 2 ? 'Add' : 'Sum', x);
        break;
      case 'concat':
        out = emit(n, 'Concat', x, [int('axis', 1)]);
        break;
      case 'scale': {
        const gate = emit(n, 'Unsqueeze', [x[1]!, constant('axes_hw', [2, 3])], [], `t${n.id}_gate`);
        out = emit(n, 'Mul', [x[0]!, gate]);
        break;
      }
      case 'maxpool':
      case 'avgpool':
        out = emit(n, p.kind === 'maxpool' ? 'MaxPool' : 'AveragePool', x, [
          ints('kernel_shape', [p.kernel, p.kernel]),
          ints('strides', [p.stride, p.stride]),
          ints('pads', [t, l, b, r]),
          ...(p.kind === 'avgpool' ? [int('count_include_pad', 0)] : []),
        ]);
        break;
      case 'subsample':
      case 'shift': {
        const from = p.kind === 'shift' ? 1 : 0;
        const step = p.kind === 'shift' ? 1 : 2;
        out = emit(n, 'Slice', [
          x[0]!,
          constant(`starts_${from}`, [from, from]),
          constant('ends_all', [2 ** 31 - 1, 2 ** 31 - 1]),
          constant('axes_hw', [2, 3]),
          constant(`steps_${step}`, [step, step]),
        ]);
        break;
      }
      case 'zeros':
        out = emit(n, 'Mul', [x[0]!, zero()]);
        break;
      case 'upsample': {
        const scales = 'scales_up2';
        if (!inits.some((i) => i.name === scales)) inits.push(floatTensor(scales, [4], new Float32Array([1, 1, 2, 2])));
        out = emit(
          n,
          'Resize',
          [x[0]!, '', scales],
          [text('mode', 'nearest'), text('coordinate_transformation_mode', 'asymmetric'), text('nearest_mode', 'floor')],
        );
        break;
      }
      case 'mean': {
        const pooled = emit(n, 'GlobalAveragePool', x, [], `t${n.id}_pooled`);
        out = emit(n, 'Flatten', [pooled], [int('axis', 1)]);
        break;
      }
      case 'dense':
        out = emit(n, 'Gemm', [x[0]!, w(0), w(1)]);
        break;
      case 'input':
        throw new Error('The input node appears once, first.');
    }
    values.set(n.id, out);
  }
  nodes.push({ opType: 'Identity', input: [values.get(graph.output)!], output: ['logits'], name: 'logits' });
  const { height, width, channels } = graph.input;
  const tensorType = (dims: Array<number | string>): P.ITypeProto => ({
    tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } },
  });
  const about = model.about;
  const proto = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: 'NAS Playground',
    producerVersion: '1',
    docString: `${about.space} network found by NAS Playground: ${about.encoded}`,
    graph: {
      name: 'nas_playground',
      node: nodes,
      initializer: inits,
      input: [{ name: 'input', type: tensorType(['batch', height, width, channels]) }],
      output: [{ name: 'logits', type: tensorType(['batch', graph.classes]) }],
    },
    metadataProps: Object.entries(modelMetadata(model)).map(([key, value]) => ({ key, value })),
  });
  return onnx.ModelProto.encode(proto).finish();
}

/** What the files say about the model: its input layout, its classes, where it comes from. */
export function modelMetadata(model: TrainedModel): Record<string, string> {
  const { graph, about } = model;
  return {
    input_layout: 'NHWC',
    input_shape: JSON.stringify([graph.input.height, graph.input.width, graph.input.channels]),
    input_note: 'float32 batch N × H × W × C, prepared as the playground prepares its data (pixels in 0..1, table columns standardised)',
    output: 'logits (apply softmax for class probabilities)',
    class_names: JSON.stringify(about.classNames),
    space: about.space,
    genotype: about.encoded,
    dataset: about.dataset,
    validation_accuracy: String(about.accuracy),
  };
}
