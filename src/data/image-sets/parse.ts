import { gunzipSync } from 'fflate';
import { PlaygroundError } from '../../core/errors';

/** The refusal for a downloaded file that is not what it should be. */
export function damaged(what: string, why: string): PlaygroundError {
  return new PlaygroundError('dataset-load', `${what} is not a valid file: ${why}.`, 'Load it again; if it persists, the mirror may serve a different file.');
}

/** Gunzipped bytes, or a refusal naming the file. */
export function gunzip(bytes: Uint8Array, what: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch {
    throw damaged(what, 'it is not gzip data');
  }
}

const readU32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** IDX images (magic 0x803) and labels (0x801), already gunzipped: the first `limit` examples, pixels scaled to [0, 1]. */
export function parseIdx(
  images: Uint8Array,
  labels: Uint8Array,
  limit: number,
  name = 'The IDX file',
): { x: Float32Array; y: Int32Array; n: number; side: number } {
  if (images.length < 16 || readU32(images, 0) !== 0x803) throw damaged(`${name} (images)`, 'its header is not that of IDX images (magic 2051)');
  if (labels.length < 8 || readU32(labels, 0) !== 0x801) throw damaged(`${name} (labels)`, 'its header is not that of IDX labels (magic 2049)');
  const count = readU32(images, 4);
  const [rows, cols] = [readU32(images, 8), readU32(images, 12)];
  if (readU32(labels, 4) !== count) throw damaged(name, `it has ${count} images but ${readU32(labels, 4)} labels`);
  if (images.length !== 16 + count * rows * cols || labels.length !== 8 + count)
    throw damaged(name, 'it is shorter or longer than its header says (truncated download?)');
  if (rows !== cols) throw damaged(name, `its images are ${rows} × ${cols}, not square`);
  const n = Math.min(count, limit);
  const size = rows * cols;
  const x = new Float32Array(n * size);
  for (let i = 0; i < n * size; i++) x[i] = images[16 + i]! / 255;
  const y = Int32Array.from(labels.subarray(8, 8 + n));
  return { x, y, n, side: rows };
}

/** The files of a ustar archive, by name. */
export function readTar(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const text = (at: number, len: number) => new TextDecoder().decode(bytes.subarray(at, at + len)).replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= bytes.length;) {
    const name = text(at, 100);
    if (name === '') break;
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = text(at + 156, 1);
    const prefix = text(at + 345, 155);
    if (!Number.isFinite(size) || at + 512 + size > bytes.length) throw damaged('The archive', `entry "${name}" runs past its end (truncated download?)`);
    if (type === '0' || type === '') files.set(prefix ? `${prefix}/${name}` : name, bytes.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

const CIFAR_RECORD = 1 + 32 * 32 * 3;

/** CIFAR-10 binary batches (label byte, then 1024 R, 1024 G, 1024 B), as NHWC in [0, 1]: the first `limit` training images. */
export function parseCifarTar(archive: Uint8Array, limit: number): { x: Float32Array; y: Int32Array; n: number } {
  const files = readTar(gunzip(archive, 'The CIFAR-10 archive'));
  const batches = [1, 2, 3, 4, 5].map((k) => [...files.entries()].find(([name]) => name.endsWith(`data_batch_${k}.bin`))?.[1]);
  if (batches.some((b) => !b)) throw damaged('The CIFAR-10 archive', 'it lacks data_batch_1.bin … data_batch_5.bin');
  for (const b of batches)
    if (b!.length === 0 || b!.length % CIFAR_RECORD !== 0)
      throw damaged('The CIFAR-10 archive', `a batch holds ${b!.length} bytes, not whole records of ${CIFAR_RECORD}`);
  const records = batches.flatMap((b) => Array.from({ length: b!.length / CIFAR_RECORD }, (_, r) => [b!, r * CIFAR_RECORD] as const));
  const n = Math.min(records.length, limit);
  const x = new Float32Array(n * 3072);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [batch, at] = records[i]!;
    const label = batch[at]!;
    if (label > 9) throw damaged('The CIFAR-10 archive', `record ${i + 1} has label ${label}`);
    y[i] = label;
    for (let p = 0; p < 1024; p++) for (let c = 0; c < 3; c++) x[i * 3072 + p * 3 + c] = batch[at + 1 + c * 1024 + p]! / 255;
  }
  return { x, y, n };
}
