import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { stepPath } from './step-path';

/**
 * tfjs saves every input a gradient needs by cloning it (the Identity kernel), and relu's gradient
 * casts a float32 mask to float32; tfjs-backend-wasm 4.22.0 copies the whole tensor in both, where
 * the cpu and WebGL backends only share its memory: hundreds of copies a training step. Tensors
 * are immutable, so here both share the data as wasm's own Reshape does (same values, no copy). A
 * cast that changes the dtype still converts, and the legacy step path keeps the copies, for the
 * benches' side-by-side timing of the step before.
 */

interface WasmBackend {
  incRef(dataId: object): void;
}

type KernelArgs = Parameters<tf.KernelFunc>[0];

function sharing(kernelName: string, changesNothing: (x: tf.TensorInfo, attrs: tf.NamedAttrMap) => boolean): void {
  const copying = tf.getKernel(kernelName, 'wasm');
  const kernelFunc = (args: KernelArgs) => {
    const x = args.inputs['x']!;
    if (x.dtype === 'string' || stepPath() === 'legacy' || !changesNothing(x, args.attrs ?? {})) return copying.kernelFunc(args);
    (args.backend as unknown as WasmBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
}

sharing(tf.Identity, () => true);
sharing(tf.Cast, (x, attrs) => attrs['dtype'] === x.dtype);
