import { gunzipSync, strFromU8 } from 'fflate';
import { PlaygroundError } from '../core/errors';
import type { RawDataset } from './types';

export const DIGITS_PATH = 'data/digits.csv.gz';

/** UCI optical digits (8 × 8, pixels 0..16, label last), as shipped by scikit-learn. */
export function parseDigits(gz: Uint8Array): RawDataset {
  let text: string;
  try {
    // Some servers send .gz files with Content-Encoding: gzip, so the browser has already inflated them.
    const gzipped = gz[0] === 0x1f && gz[1] === 0x8b;
    text = strFromU8(gzipped ? gunzipSync(gz) : gz);
  } catch {
    throw new PlaygroundError('dataset-load', 'The digits file is not valid gzip.', 'Reload the page; if it persists, the deployment is damaged.');
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const n = lines.length;
  const x = new Float32Array(n * 64);
  const y = new Int32Array(n);
  lines.forEach((line, i) => {
    const cells = line.split(',');
    if (cells.length !== 65)
      throw new PlaygroundError('dataset-load', `Digits row ${i + 1} has ${cells.length} values, expected 65.`, 'Reload the page; the file may be damaged.');
    for (let p = 0; p < 64; p++) x[i * 64 + p] = Number(cells[p]) / 16;
    const label = Number(cells[64]);
    if (!Number.isInteger(label) || label < 0 || label > 9)
      throw new PlaygroundError('dataset-load', `Digits row ${i + 1} has label "${cells[64]}".`, 'Reload the page.');
    y[i] = label;
  });
  return {
    info: {
      id: 'digits',
      title: 'UCI digits (8 × 8)',
      kind: 'image',
      input: { height: 8, width: 8, channels: 1 },
      classNames: Array.from({ length: 10 }, (_, d) => String(d)),
      source: 'UCI ML repository via scikit-learn (Alpaydin & Kaynak 1998)',
    },
    examples: { x, y, n },
  };
}
