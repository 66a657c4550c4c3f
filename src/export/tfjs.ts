import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { graphWeights, type NetNode, type TrainedModel } from '../core/net/index';
import { modelMetadata } from './onnx';

/** The files of a TensorFlow.js layers model: `model.json` and the weights it names. */
export interface TfjsFiles {
  'model.json': Uint8Array;
  'weights.bin': Uint8Array;
}

type Sym = tfl.SymbolicTensor;

/** A dilated k × k depthwise kernel as the (k − 1)·d + 1 kernel with zeros between its taps: tfjs-layers' DepthwiseConv2D has no dilation. */
function dilate(w: Float32Array, k: number, c: number, d: number): { data: Float32Array; size: number } {
  const size = (k - 1) * d + 1;
  const out = new Float32Array(size * size * c);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let ch = 0; ch < c; ch++) out[(i * d * size + j * d) * c + ch] = w[(i * k + j) * c + ch]!;
  return { data: out, size };
}

/** One node as standard Keras layers (and the weights to set on each), applied to its inputs. */
function layersOf(n: NetNode, x: Sym[], w: Float32Array[]): { out: Sym; set: Array<[tfl.layers.Layer, tf.Tensor[]]> } {
  const p = n.prim;
  const name = `n${n.id}_${p.kind}`;
  const one = (layer: tfl.layers.Layer, weights: tf.Tensor[] = []) => ({
    out: layer.apply(x.length === 1 ? x[0]! : x) as Sym,
    set: [[layer, weights]] as Array<[tfl.layers.Layer, tf.Tensor[]]>,
  });
  switch (p.kind) {
    case 'conv':
      return one(tfl.layers.conv2d({ name, filters: p.cout, kernelSize: p.kernel, strides: p.stride, padding: 'same', useBias: false }), [
        tf.tensor(w[0]!, n.weights[0]!.shape),
      ]);
    case 'depthwise': {
      const c = n.weights[0]!.shape[2]!;
      const k = dilate(w[0]!, p.kernel, c, p.dilation);
      const conv = tfl.layers.depthwiseConv2d({ name, kernelSize: k.size, padding: 'same', useBias: false });
      const full = conv.apply(x[0]!) as Sym;
      const set: Array<[tfl.layers.Layer, tf.Tensor[]]> = [[conv, [tf.tensor(k.data, [k.size, k.size, c, 1])]]];
      if (!p.subsample) return { out: full, set };
      return { out: tfl.layers.averagePooling2d({ name: `${name}_every2`, poolSize: 1, strides: 2, padding: 'valid' }).apply(full) as Sym, set };
    }
    case 'batchnorm':
      return one(
        tfl.layers.batchNormalization({ name, axis: -1, epsilon: 1e-5 }),
        w.map((v, i) => tf.tensor(v, n.weights[i]!.shape)),
      );
    case 'relu':
      return one(tfl.layers.reLU({ name }));
    case 'sigmoid':
      return one(tfl.layers.activation({ name, activation: 'sigmoid' }));
    case 'add':
      return one(tfl.layers.add({ name }));
    case 'concat':
      return one(tfl.layers.concatenate({ name, axis: -1 }));
    case 'scale': {
      const c = n.shape[2]!;
      const gate = tfl.layers.reshape({ name: `${name}_gate`, targetShape: [1, 1, c] }).apply(x[1]!) as Sym;
      return { out: tfl.layers.multiply({ name }).apply([x[0]!, gate]) as Sym, set: [] };
    }
    case 'maxpool':
      return one(tfl.layers.maxPooling2d({ name, poolSize: p.kernel, strides: p.stride, padding: 'same' }));
    case 'avgpool':
      return one(tfl.layers.averagePooling2d({ name, poolSize: p.kernel, strides: p.stride, padding: 'same' }));
    case 'subsample':
      return one(tfl.layers.averagePooling2d({ name, poolSize: 1, strides: 2, padding: 'valid' }));
    case 'shift':
      return one(
        tfl.layers.cropping2D({
          name,
          cropping: [
            [1, 0],
            [1, 0],
          ],
        }),
      );
    case 'zeros':
      return one(tfl.layers.rescaling({ name, scale: 0, offset: 0 }));
    case 'upsample':
      return one(tfl.layers.upSampling2d({ name, size: [2, 2] }));
    case 'mean':
      return one(tfl.layers.globalAveragePooling2d({ name }));
    case 'dense':
      return one(tfl.layers.dense({ name, units: p.units, useBias: true }), [tf.tensor(w[0]!, n.weights[0]!.shape), tf.tensor(w[1]!, n.weights[1]!.shape)]);
    case 'input':
      throw new Error('The input node appears once, first.');
  }
}

/**
 * The layer graph as a TensorFlow.js layers model of standard Keras layers, saved as the files
 * `tf.loadLayersModel` reads with nothing of ours loaded. Batch norm keeps its running statistics.
 */
export async function toTfjs(model: TrainedModel): Promise<TfjsFiles> {
  const { graph } = model;
  const byNode = new Map<number, Float32Array[]>();
  graphWeights(graph).forEach(({ node }, k) => byNode.set(node.id, [...(byNode.get(node.id) ?? []), model.weights[k]!]));
  const input = tfl.input({ name: 'input', shape: [graph.input.height, graph.input.width, graph.input.channels] });
  const values = new Map<number, Sym>([[0, input]]);
  const toSet: Array<[tfl.layers.Layer, tf.Tensor[]]> = [];
  for (const n of graph.nodes.slice(1)) {
    // A merge layer given the same tensor twice frees it twice when tfjs runs the model: pass a linear copy instead.
    const inputs = n.inputs.map((i, k) =>
      n.inputs.indexOf(i) === k ? values.get(i)! : (tfl.layers.activation({ name: `n${n.id}_copy${k}`, activation: 'linear' }).apply(values.get(i)!) as Sym),
    );
    const { out, set } = layersOf(n, inputs, byNode.get(n.id) ?? []);
    values.set(n.id, out);
    toSet.push(...set);
  }
  const keras = tfl.model({ name: 'nas_playground', inputs: input, outputs: values.get(graph.output)! });
  // A node no path to the output uses (an NB201 cell whose output skips node 1 or 2) is left out of the model: free its weights.
  const kept = new Set(keras.layers);
  for (const layer of new Set(toSet.map(([l]) => l))) if (!kept.has(layer) && layer.built) layer.dispose();
  try {
    for (const [layer, weights] of toSet) {
      if (kept.has(layer)) layer.setWeights(weights);
      tf.dispose(weights);
    }
    let saved: tf.io.ModelArtifacts | null = null;
    await keras.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const artifacts = saved! as tf.io.ModelArtifacts;
    const data = artifacts.weightData!;
    const weights = new Uint8Array(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
    const json = {
      format: 'layers-model',
      generatedBy: artifacts.generatedBy,
      convertedBy: 'NAS Playground',
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      userDefinedMetadata: modelMetadata(model),
    };
    return { 'model.json': new TextEncoder().encode(JSON.stringify(json)), 'weights.bin': weights };
  } finally {
    keras.dispose();
  }
}
