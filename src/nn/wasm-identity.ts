import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { stepPath } from './step-path';

/**
 * tfjs saves every input a gradient needs by cloning it (the Identity kernel), and tfjs-backend-wasm
 * 4.22.0's Identity copies the whole tensor where the cpu and WebGL backends only share its memory:
 * hundreds of copies a training step. Tensors are immutable, so this Identity shares the data as
 * wasm's own Reshape does (same values, no copy). The legacy step path keeps the copy, for the
 * benches' side-by-side timing of the step before it.
 */
const copying = tf.getKernel(tf.Identity, 'wasm');

interface WasmBackend {
  incRef(dataId: object): void;
}

function sharedIdentity(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const x = args.inputs['x']!;
  if (x.dtype === 'string' || stepPath() === 'legacy') return copying.kernelFunc(args as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
  (args.backend as WasmBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

tf.unregisterKernel(tf.Identity, 'wasm');
tf.registerKernel({ kernelName: tf.Identity, backendName: 'wasm', kernelFunc: sharedIdentity as tf.KernelFunc });
