import { zipSync } from 'fflate';

/** One float32 array as a .npy file (format 1.0, little-endian, C order), which numpy.load reads. */
export function npy(data: Float32Array, shape: readonly number[]): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64 and ended by a newline.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), total);
  return out;
}

/** Named float32 arrays as a .npz archive (a zip of .npy files, stored), as numpy.savez writes them. */
export function npz(arrays: ReadonlyArray<{ name: string; data: Float32Array; shape: readonly number[] }>): Uint8Array {
  return zipSync(Object.fromEntries(arrays.map((a) => [`${a.name}.npy`, npy(a.data, a.shape)])), { level: 0 });
}

/** Reads a float32 .npy file (as `predict.py` writes them). */
export function readNpy(bytes: Uint8Array): { data: Float32Array; shape: number[] } {
  const length = bytes[8]! | (bytes[9]! << 8);
  const header = new TextDecoder().decode(bytes.subarray(10, 10 + length));
  if (!header.includes("'<f4'")) throw new Error(`Not a float32 .npy file: ${header.trim()}`);
  const shape = /'shape': \(([^)]*)\)/
    .exec(header)![1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const body = bytes.slice(10 + length);
  return { data: new Float32Array(body.buffer, body.byteOffset, body.byteLength / 4), shape };
}
