import type { NetNode } from '../core/net/index';

/** Permutes the axes of a row-major array: out[i_perm[0], …] = data[i_0, …]. */
export function transpose(data: Float32Array, shape: readonly number[], perm: readonly number[]): Float32Array {
  const rank = shape.length;
  const outShape = perm.map((p) => shape[p]!);
  const strides = new Array<number>(rank);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  const out = new Float32Array(data.length);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let k = 0; k < rank; k++) src += index[k]! * strides[perm[k]!]!;
    out[o] = data[src]!;
    for (let k = rank - 1; k >= 0; k--) {
      if (++index[k]! < outShape[k]!) break;
      index[k] = 0;
    }
  }
  return out;
}

/**
 * A weight in the channels-first layout of ONNX and PyTorch: conv kernels [kh, kw, in, out] →
 * [out, in, kh, kw], depthwise [k, k, C, 1] → [C, 1, k, k]; a linear layer's [in, out] → [out, in]
 * for PyTorch only (ONNX's Gemm takes it as it is).
 */
export function channelsFirst(node: NetNode, index: number, data: Float32Array, linearTransposed: boolean): { data: Float32Array; shape: number[] } {
  const shape = node.weights[index]!.shape;
  if ((node.prim.kind === 'conv' || node.prim.kind === 'depthwise') && index === 0) {
    const perm = node.prim.kind === 'conv' ? [3, 2, 0, 1] : [2, 3, 0, 1];
    return { data: transpose(data, shape, perm), shape: perm.map((p) => shape[p]!) };
  }
  if (node.prim.kind === 'dense' && index === 0 && linearTransposed) return { data: transpose(data, shape, [1, 0]), shape: [shape[1]!, shape[0]!] };
  return { data, shape: [...shape] };
}
