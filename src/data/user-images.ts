import { contentHash } from '../core/digest';
import { PlaygroundError } from '../core/errors';
import { fileTooLarge } from '../core/limits';
import { imageSize } from './image-header';
import type { RawDataset } from './types';
import { readClassFolders, type ClassImage } from './zip-classes';

/** Decodes one image file to RGBA pixels: the browser's own decoder in the page, pure-JS PNG/JPEG decoders in the CLI. */
export type ImageDecoder = (bytes: Uint8Array, name: string) => Promise<{ width: number; height: number; rgba: Uint8Array }>;

export { IMAGE_EXTENSIONS } from './zip-classes';
/** Images are resized to a square of at most this side: enough for the playground's networks. */
export const MAX_IMAGE_SIDE = 32;
/** Pixels an image may have to be decoded here (about 96 MB while decoding): a phone photo, not a pixel bomb. */
export const MAX_IMAGE_PIXELS = 24e6;

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

/** A report of what reading the images did. */
export interface ImageReadReport {
  images: number;
  /** Files that are not images, and images outside the class folders. */
  skipped: string[];
  unreadable: string[];
  /** Images whose header claims more pixels than MAX_IMAGE_PIXELS. */
  tooLarge: string[];
  side: number;
  channels: 1 | 3;
  /** Greyscale on a light background, inverted so that strokes are high. */
  inverted: boolean;
}

/** What reading the first zip fixed, applied alike to a zip appended to it: side, channels, inversion, classes. */
export type ImageLayout = Pick<ImageReadReport, 'side' | 'channels' | 'inverted'> & { classNames: string[] };

/** A zip appended to a running search's images: read with the first zip's layout and classes, never refitted on its own. */
export function parseAppendedImages(
  bytes: Uint8Array,
  name: string,
  decode: ImageDecoder,
  layout: ImageLayout,
): Promise<RawDataset & { report: ImageReadReport }> {
  return readImages(bytes, name, decode, layout);
}

const cache = new Map<string, Promise<RawDataset & { report: ImageReadReport }>>();

/**
 * The user's images: a zip (or a folder, zipped in the page) with one sub-folder per class. Every
 * image is decoded, resized to one square side (the median side, at most 32) by area averaging,
 * greyscale when every image is (inverted when the background is light, so strokes are the high values),
 * colour otherwise. Files that are not images are skipped and named; a zip with no images, one
 * class, or a class of one image is refused with what to do.
 */
export function parseUserImages(
  bytes: Uint8Array,
  name: string,
  decode: ImageDecoder,
  hash = contentHash(bytes),
): Promise<RawDataset & { report: ImageReadReport }> {
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

async function readImages(bytes: Uint8Array, name: string, decode: ImageDecoder, fixed?: ImageLayout): Promise<RawDataset & { report: ImageReadReport }> {
  const tooLargeFile = fileTooLarge(name, bytes.length);
  if (tooLargeFile) throw tooLargeFile;
  if (!isZip(bytes)) throw refuse(`${name} is not a zip archive.`, 'Choose a CSV table, or a zip with one folder of images per class.');
  const { images, skips } = readClassFolders(bytes, name);
  // Sizes from the headers first: the side is their median, and an image too large to decode safely is skipped unread.
  const unreadable: string[] = [];
  const tooLarge: string[] = [];
  const sized: Array<ClassImage & { width: number; height: number }> = [];
  for (const image of images) {
    const size = imageSize(image.bytes);
    if (!size) unreadable.push(image.path);
    else if (size.width * size.height > MAX_IMAGE_PIXELS) tooLarge.push(image.path);
    else sized.push({ ...image, ...size });
  }
  if (sized.length === 0) {
    if (tooLarge.length)
      throw refuse(
        `Every image in ${name} is larger than ${MAX_IMAGE_PIXELS / 1e6} million pixels (${tooLarge.slice(0, 2).join(', ')}…).`,
        'Shrink them first: the networks here see at most 32 × 32.',
      );
    throw refuse(`None of the ${images.length} images in ${name} could be read (${unreadable.slice(0, 2).join(', ')}…).`, 'Save them again as PNG or JPEG.');
  }
  const sides = sized.map((d) => Math.max(d.width, d.height)).sort((a, b) => a - b);
  const side = fixed?.side ?? Math.max(4, Math.min(MAX_IMAGE_SIDE, sides[Math.floor(sides.length / 2)]!));
  // Each image is shrunk as soon as it is decoded: greyscale ones to one channel, colour ones to three.
  const shrunk: Array<{ label: string; grey: boolean; pixels: Float32Array }> = [];
  for (const image of sized) {
    try {
      const { width, height, rgba } = await decode(image.bytes, image.path);
      if (width < 1 || height < 1 || width * height > MAX_IMAGE_PIXELS) throw new Error('bad size');
      const grey = isGrey(rgba) || fixed?.channels === 1;
      shrunk.push({ label: image.label, grey, pixels: resizeRgba(rgba, width, height, side, grey ? 1 : 3) });
    } catch {
      unreadable.push(image.path);
    }
  }
  if (shrunk.length === 0)
    throw refuse(`None of the ${images.length} images in ${name} could be read (${unreadable.slice(0, 2).join(', ')}…).`, 'Save them again as PNG or JPEG.');
  const classNames = fixed ? fixed.classNames : [...new Set(shrunk.map((d) => d.label))].sort();
  const unseen = [...new Set(shrunk.map((d) => d.label))].filter((c) => !classNames.includes(c));
  if (unseen.length)
    throw refuse(
      `${name} has class folder${unseen.length > 1 ? 's' : ''} ${unseen
        .slice(0, 8)
        .map((c) => `"${c}"`)
        .join(', ')} that the first zip has not; the networks being searched have one output per class of the first zip.`,
      'Remove those folders, or start a new experiment on a zip that holds every class; nothing was added.',
    );
  if (!fixed && classNames.length < 2) throw refuse(`${name} has one class only ("${classNames[0]}").`, 'A classifier needs at least two class folders.');
  const classIndex = new Map(classNames.map((c, k) => [c, k]));
  const counts = classNames.map(() => 0);
  for (const d of shrunk) counts[classIndex.get(d.label)!]!++;
  const single = fixed ? [] : classNames.filter((_, k) => counts[k]! < 2);
  if (single.length)
    throw refuse(
      `Class folder${single.length > 1 ? 's' : ''} ${single
        .slice(0, 8)
        .map((c) => `"${c}"`)
        .join(', ')} of ${name} ha${single.length > 1 ? 've' : 's'} a single image, too few to split into training and validation.`,
      'Add images or remove the folder.',
    );
  const channels: 1 | 3 = fixed?.channels ?? (shrunk.every((d) => d.grey) ? 1 : 3);
  const size = side * side * channels;
  const x = new Float32Array(shrunk.length * size);
  shrunk.forEach((d, i) => {
    if (d.grey && channels === 3) for (let p = 0; p < side * side; p++) x.fill(d.pixels[p]!, i * size + 3 * p, i * size + 3 * p + 3);
    else x.set(d.pixels, i * size);
  });
  const inverted = fixed ? fixed.inverted && invertAll(x) : channels === 1 && invertLightBackground(x, shrunk.length, side);
  const y = Int32Array.from(shrunk, (d) => classIndex.get(d.label)!);
  const skipped = [...skips.notImages, ...skips.outsideFolders];
  const report: ImageReadReport = { images: shrunk.length, skipped, unreadable, tooLarge, side, channels, inverted };
  const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
  const notes = [
    skips.notImages.length ? `${plural(skips.notImages.length, 'file that is not an image', 'files that are not images')} skipped` : '',
    skips.outsideFolders.length ? `${plural(skips.outsideFolders.length, 'image outside the class folders', 'images outside the class folders')} skipped` : '',
    unreadable.length ? `${plural(unreadable.length, 'unreadable image', 'unreadable images')} skipped` : '',
    tooLarge.length ? `${plural(tooLarge.length, 'image', 'images')} over ${MAX_IMAGE_PIXELS / 1e6} million pixels skipped` : '',
  ].filter(Boolean);
  return {
    info: {
      id: 'own',
      title: `${name} (${shrunk.length} images at ${side} × ${side}${channels === 3 ? ' colour' : ''}, ${classNames.length} classes)`,
      kind: 'image',
      input: { height: side, width: side, channels },
      classNames,
      source: `your images, read on this device${notes.length ? `; ${notes.join('; ')}` : ''}`,
    },
    examples: { x, y, n: shrunk.length },
    report,
  };
}

function invertAll(x: Float32Array): true {
  for (let q = 0; q < x.length; q++) x[q] = 1 - x[q]!;
  return true;
}

function isGrey(rgba: Uint8Array): boolean {
  for (let p = 0; p < rgba.length; p += 4) if (rgba[p] !== rgba[p + 1] || rgba[p] !== rgba[p + 2]) return false;
  return true;
}

/**
 * Greyscale on a light background (ink on paper) is inverted, so the strokes are the high values
 * and the background is zero, as in the digits and MNIST.
 */
function invertLightBackground(x: Float32Array, n: number, side: number): boolean {
  const size = side * side;
  let border = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < side; k++) {
      for (const p of [k, (side - 1) * side + k, k * side, k * side + side - 1]) {
        border += x[i * size + p]!;
        count++;
      }
    }
  }
  if (border / count <= 0.5) return false;
  for (let q = 0; q < x.length; q++) x[q] = 1 - x[q]!;
  return true;
}
