import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { leanStep } from './step-path';

/**
 * Copies that tfjs-backend-wasm 4.22.0 makes and the cpu and WebGL backends do not, hundreds a
 * training step, taken out here (same values: only where data is read from changes):
 * - tfjs saves every input a gradient needs by cloning it (Identity), and relu's gradient casts a
 *   float32 mask to float32: both copy the whole tensor. Tensors are immutable, so here both share
 *   the data as wasm's own Reshape does (a cast that changes the dtype still converts).
 * - Slice first copies its whole input out of the heap (readSync), then the part it keeps, and
 *   SplitV (a concat's gradient) does that once per part: here they read the heap in place. They
 *   and Concat copied each run of the last axis as a new subarray view: short runs (a few channels
 *   of an NHWC tensor) are copied element by element here, as 32-bit words (exact bits).
 * Off the lean step (src/nn/step-path.ts) the copies stay, for the benches' timing of the step before.
 */

interface WasmBackend {
  incRef(dataId: object): void;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

type KernelArgs = Parameters<tf.KernelFunc>[0];

function sharing(kernelName: string, changesNothing: (x: tf.TensorInfo, attrs: tf.NamedAttrMap) => boolean): void {
  const copying = tf.getKernel(kernelName, 'wasm');
  const kernelFunc = (args: KernelArgs) => {
    const x = args.inputs['x']!;
    if (x.dtype === 'string' || !leanStep() || !changesNothing(x, args.attrs ?? {})) return copying.kernelFunc(args);
    (args.backend as unknown as WasmBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
}

sharing(tf.Identity, () => true);
sharing(tf.Cast, (x, attrs) => attrs['dtype'] === x.dtype);

const copyingSlice = tf.getKernel(tf.Slice, 'wasm');

type Words = Int32Array | Uint8Array;

/** A tensor's memory in the heap as words of its element size (float32 as Int32: copies keep every bit). */
function words(backend: WasmBackend, t: tf.TensorInfo): Words {
  const view = backend.typedArrayFromHeap(t);
  return view instanceof Uint8Array ? view : new Int32Array(view.buffer, view.byteOffset, view.length);
}

/** Below this many elements, a loop copies faster than a subarray view and set. */
const SHORT_RUN = 64;

function copyRun(from: Words, fromAt: number, to: Words, toAt: number, n: number): void {
  if (n >= SHORT_RUN) to.set(from.subarray(fromAt, fromAt + n), toAt);
  else for (let e = 0; e < n; e++) to[toAt + e] = from[fromAt + e]!;
}

/** One slice of `x` (rank ≤ 4, numbers), copied from the heap in place, one run of the last axis at a time. */
function sliceInPlace(backend: WasmBackend, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  const out = backend.makeOutput(size, x.dtype);
  // Views after makeOutput: growing the heap there would detach earlier ones.
  const from = words(backend, x);
  const to = words(backend, out);
  const pad = 4 - x.shape.length;
  const shape = [...Array<number>(pad).fill(1), ...x.shape];
  const b = [...Array<number>(pad).fill(0), ...begin];
  const n = [...Array<number>(pad).fill(1), ...size];
  const [s0, s1, s2] = [shape[1]! * shape[2]! * shape[3]!, shape[2]! * shape[3]!, shape[3]!];
  let at = 0;
  for (let i = b[0]!; i < b[0]! + n[0]!; i++)
    for (let j = b[1]!; j < b[1]! + n[1]!; j++)
      for (let k = b[2]!; k < b[2]! + n[2]!; k++) {
        const start = i * s0 + j * s1 + k * s2 + b[3]!;
        copyRun(from, start, to, at, n[3]!);
        at += n[3]!;
      }
  return out;
}

function inPlaceApplies(x: tf.TensorInfo): boolean {
  return x.dtype !== 'string' && x.dtype !== 'complex64' && x.shape.length <= 4 && leanStep();
}

function slice(args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] {
  const x = args.inputs['x']!;
  if (!inPlaceApplies(x)) return copyingSlice.kernelFunc(args);
  const attrs = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
  const [begin, size] = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size) as [number[], number[]];
  return sliceInPlace(args.backend as unknown as WasmBackend, x, begin, size);
}

const copyingSplit = tf.getKernel(tf.SplitV, 'wasm');

function splitV(args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] {
  const x = args.inputs['x']!;
  if (!inPlaceApplies(x)) return copyingSplit.kernelFunc(args);
  const attrs = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number };
  const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0]!;
  const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, attrs.numOrSizeSplits, axis);
  const begin = x.shape.map(() => 0);
  return sizes.map((part) => {
    const size = x.shape.map((d, i) => (i === axis ? part : d));
    const out = sliceInPlace(args.backend as unknown as WasmBackend, x, begin, size);
    begin[axis]! += part;
    return out;
  });
}

const copyingConcat = tf.getKernel(tf.Concat, 'wasm');

/** Concat as wasm's own (each input's part of every outer row in turn), copying short runs element by element. */
function concat(args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] {
  // tfjs passes a concat's inputs as an array, not a map.
  const list = args.inputs as unknown as tf.TensorInfo[];
  const parts = list.filter((t) => tf.util.sizeFromShape(t.shape) > 0);
  if (parts.length < 2 || !leanStep() || parts.some((t) => t.dtype === 'string' || t.dtype === 'complex64')) return copyingConcat.kernelFunc(args);
  const axis = tf.util.parseAxisParam((args.attrs as unknown as { axis: number }).axis, list[0]!.shape)[0]!;
  tf.backend_util.assertParamsConsistent(
    list.map((t) => t.shape),
    axis,
  );
  const backend = args.backend as unknown as WasmBackend;
  const out = backend.makeOutput(
    tf.backend_util.computeOutShape(
      list.map((t) => t.shape),
      axis,
    ),
    list[0]!.dtype,
  );
  const rows = tf.util.sizeFromShape(parts[0]!.shape.slice(0, axis));
  const inner = parts.map((t) => tf.util.sizeFromShape(t.shape.slice(axis)));
  const rowSize = inner.reduce((a, b) => a + b, 0);
  const froms = parts.map((t) => words(backend, t));
  const to = words(backend, out);
  for (let r = 0; r < rows; r++) {
    let at = r * rowSize;
    froms.forEach((from, i) => {
      copyRun(from, r * inner[i]!, to, at, inner[i]!);
      at += inner[i]!;
    });
  }
  return out;
}

for (const [kernelName, kernelFunc] of [
  [tf.Slice, slice],
  [tf.SplitV, splitV],
  [tf.Concat, concat],
] as const) {
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as tf.KernelFunc });
}
