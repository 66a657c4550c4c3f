import { unzipSync } from 'fflate';
import { contentHash } from '../core/digest';
import { PlaygroundError } from '../core/errors';
import { fileTooLarge } from '../core/limits';
import type { RawDataset } from './types';

/** Decodes one image file to RGBA pixels: the browser's own decoder in the page, pure-JS PNG/JPEG decoders in the CLI. */
export type ImageDecoder = (bytes: Uint8Array, name: string) => Promise<{ width: number; height: number; rgba: Uint8Array }>;

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp'];
/** Images are resized to a square of at most this side: enough for the playground's networks. */
export const MAX_IMAGE_SIDE = 32;
const MAX_IMAGES = 20_000;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function refuse(message: string, hint: string): PlaygroundError {
  return new PlaygroundError('incompatible-data', message, hint);
}

/** Area-averaging resize of RGBA pixels to side × side (each output pixel averages the source pixels it covers). */
export function resizeRgba(rgba: Uint8Array, width: number, height: number, side: number, channels: 1 | 3): Float32Array {
  const out = new Float32Array(side * side * channels);
  for (let i = 0; i < side; i++) {
    const [y0, y1] = [(i * height) / side, ((i + 1) * height) / side];
    for (let j = 0; j < side; j++) {
      const [x0, x1] = [(j * width) / side, ((j + 1) * width) / side];
      const sum = [0, 0, 0];
      let weight = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          const at = (y * width + x) * 4;
          // Transparent pixels count as white, as a viewer shows them.
          const alpha = rgba[at + 3]! / 255;
          for (let c = 0; c < 3; c++) sum[c]! += w * (rgba[at + c]! * alpha + 255 * (1 - alpha));
          weight += w;
        }
      }
      if (channels === 1) out[i * side + j] = (sum[0]! + sum[1]! + sum[2]!) / (3 * 255 * weight);
      else for (let c = 0; c < 3; c++) out[(i * side + j) * 3 + c] = sum[c]! / (255 * weight);
    }
  }
  return out;
}

interface ImageEntry {
  path: string;
  label: string;
  bytes: Uint8Array;
}

/** A report of what reading the images did. */
export interface ImageReadReport {
  images: number;
  skipped: string[];
  unreadable: string[];
  side: number;
  channels: 1 | 3;
  /** Greyscale on a light background, inverted so that strokes are high. */
  inverted: boolean;
}

const cache = new Map<string, Promise<RawDataset & { report: ImageReadReport }>>();

/**
 * The user's images: a zip (or a folder, zipped in the page) with one sub-folder per class. Every
 * image is decoded, resized to one square side (the median side, at most 32) by area averaging,
 * greyscale when every image is (inverted when the background is light, so strokes are the high values),
 * colour otherwise. Files that are not images are skipped and named; a zip with no images, one
 * class, or a class of one image is refused with what to do.
 */
export function parseUserImages(bytes: Uint8Array, name: string, decode: ImageDecoder, hash = contentHash(bytes)): Promise<RawDataset & { report: ImageReadReport }> {
  // Keyed by the content hash the callers have already computed to check the file (and the name, shown in the title).
  const key = `${hash}/${name}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = readImages(bytes, name, decode);
    cache.clear(); // one user file at a time
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function readImages(bytes: Uint8Array, name: string, decode: ImageDecoder): Promise<RawDataset & { report: ImageReadReport }> {
  const tooLarge = fileTooLarge(name, bytes.length);
  if (tooLarge) throw tooLarge;
  if (!isZip(bytes)) throw refuse(`${name} is not a zip archive.`, 'Choose a CSV table, or a zip with one folder of images per class.');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw refuse(`${name} could not be unpacked (${e instanceof Error ? e.message : String(e)}).`, 'Zip the folders again and choose the new file.');
  }
  const paths = Object.keys(files)
    .filter((p) => !p.endsWith('/') && !p.split('/').some((part) => part.startsWith('.') || part === '__MACOSX'))
    .sort();
  // A single top-level folder around the class folders is unwrapped.
  const isImage = (p: string) => IMAGE_EXTENSIONS.includes(p.split('.').pop()?.toLowerCase() ?? '');
  const imagePaths = paths.filter(isImage);
  const roots = new Set(imagePaths.map((p) => p.split('/')[0]));
  const strip = roots.size === 1 && imagePaths.every((p) => p.split('/').length >= 3) ? 1 : 0;
  const entries: ImageEntry[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    const parts = path.split('/').slice(strip);
    if (!isImage(path)) {
      skipped.push(path);
      continue;
    }
    if (parts.length < 2) throw refuse(`"${path}" in ${name} is not inside a class folder.`, 'Put the images in one sub-folder per class (cats/1.png, dogs/2.png, …) and zip the folders.');
    entries.push({ path, label: parts[0]!, bytes: files[path]! });
  }
  if (entries.length === 0) {
    throw refuse(`${name} holds no images${skipped.length ? ` (it has ${skipped.slice(0, 3).map((s) => `"${s}"`).join(', ')}${skipped.length > 3 ? ', …' : ''})` : ''}.`, `Zip one folder per class of ${IMAGE_EXTENSIONS.join('/')} images.`);
  }
  if (entries.length > MAX_IMAGES) throw refuse(`${name} holds ${entries.length} images; at most ${MAX_IMAGES} are read here.`, 'Zip a subset.');
  const decoded: Array<{ entry: ImageEntry; width: number; height: number; rgba: Uint8Array }> = [];
  const unreadable: string[] = [];
  for (const entry of entries) {
    try {
      const image = await decode(entry.bytes, entry.path);
      if (image.width < 1 || image.height < 1) throw new Error('empty');
      decoded.push({ entry, ...image });
    } catch {
      unreadable.push(entry.path);
    }
  }
  if (decoded.length === 0) throw refuse(`None of the ${entries.length} images in ${name} could be read (${unreadable.slice(0, 2).join(', ')}…).`, 'Save them again as PNG or JPEG.');
  const classNames = [...new Set(decoded.map((d) => d.entry.label))].sort();
  if (classNames.length < 2) throw refuse(`${name} has one class only ("${classNames[0]}").`, 'A classifier needs at least two class folders.');
  const counts = classNames.map((c) => decoded.filter((d) => d.entry.label === c).length);
  const single = classNames.filter((_, k) => counts[k]! < 2);
  if (single.length) throw refuse(`Class folder${single.length > 1 ? 's' : ''} ${single.map((c) => `"${c}"`).join(', ')} of ${name} ha${single.length > 1 ? 've' : 's'} a single image, too few to split into training and validation.`, 'Add images or remove the folder.');
  const sides = decoded.map((d) => Math.max(d.width, d.height)).sort((a, b) => a - b);
  const side = Math.max(4, Math.min(MAX_IMAGE_SIDE, sides[Math.floor(sides.length / 2)]!));
  const grey = decoded.every((d) => {
    for (let p = 0; p < d.rgba.length; p += 4) if (d.rgba[p] !== d.rgba[p + 1] || d.rgba[p] !== d.rgba[p + 2]) return false;
    return true;
  });
  const channels: 1 | 3 = grey ? 1 : 3;
  const size = side * side * channels;
  const x = new Float32Array(decoded.length * size);
  decoded.forEach((d, i) => x.set(resizeRgba(d.rgba, d.width, d.height, side, channels), i * size));
  // Greyscale on a light background (ink on paper) is inverted, so the strokes are the high values
  // and the background is zero, as in the digits and MNIST.
  let inverted = false;
  if (channels === 1) {
    let border = 0;
    let count = 0;
    for (let i = 0; i < decoded.length; i++) {
      for (let k = 0; k < side; k++) {
        for (const p of [k, (side - 1) * side + k, k * side, k * side + side - 1]) {
          border += x[i * size + p]!;
          count++;
        }
      }
    }
    if (border / count > 0.5) {
      inverted = true;
      for (let q = 0; q < x.length; q++) x[q] = 1 - x[q]!;
    }
  }
  const y = Int32Array.from(decoded.map((d) => classNames.indexOf(d.entry.label)));
  const report: ImageReadReport = { images: decoded.length, skipped, unreadable, side, channels, inverted };
  const notes = [skipped.length ? (skipped.length > 1 ? `${skipped.length} files that are not images skipped` : `1 file that is not an image skipped`) : '', unreadable.length ? `${unreadable.length} unreadable image${unreadable.length > 1 ? 's' : ''} skipped` : ''].filter(Boolean);
  return {
    info: {
      id: 'own',
      title: `${name} (${decoded.length} images at ${side} × ${side}${channels === 3 ? ' colour' : ''}, ${classNames.length} classes)`,
      kind: 'image',
      input: { height: side, width: side, channels },
      classNames,
      source: `your images, read on this device${notes.length ? `; ${notes.join('; ')}` : ''}`,
    },
    examples: { x, y, n: decoded.length },
    report,
  };
}
