import { unzipSync } from 'fflate';
import { PlaygroundError } from '../core/errors';

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp'];
/** Images read from one zip: more is a data set for a real cluster, not a browser tab. */
export const MAX_IMAGES = 20_000;
/**
 * Bytes the images of a zip may unpack to, known from the zip's directory before anything is
 * inflated (and the most fflate will write: it inflates each entry into a buffer of its declared
 * size). A 2 MB zip of zeros claiming 2.2 GB is refused before it costs anything.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export interface ClassImage {
  path: string;
  label: string;
  bytes: Uint8Array;
}

/** What a zip held besides its class folders of images, counted for the report. */
export interface ZipSkips {
  /** Files that are not images (by extension). */
  notImages: string[];
  /** Images not inside a class folder (beside the class folders). */
  outsideFolders: string[];
}

function refuse(message: string, hint: string): PlaygroundError {
  return new PlaygroundError('incompatible-data', message, hint);
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const hidden = (path: string) => path.endsWith('/') || path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
export const isImagePath = (path: string) => IMAGE_EXTENSIONS.includes(path.split('.').pop()?.toLowerCase() ?? '');

/**
 * The images of a zip with one folder per class (inside one top folder or not). Paths written on
 * Windows (backslashes) read the same; only images are inflated, and only up to the caps above.
 */
export function readClassFolders(bytes: Uint8Array, name: string): { images: ClassImage[]; skips: ZipSkips } {
  const notImages: string[] = [];
  const wanted = (raw: string) => {
    const path = raw.replace(/\\/g, '/');
    return !hidden(path) && isImagePath(path);
  };
  let files: Record<string, Uint8Array>;
  try {
    // First the directory alone (nothing is inflated): how many images, and how large they claim to be.
    let unpacked = 0;
    let images = 0;
    unzipSync(bytes, {
      filter: (file) => {
        const path = file.name.replace(/\\/g, '/');
        if (wanted(file.name)) [images, unpacked] = [images + 1, unpacked + file.originalSize];
        else if (!hidden(path)) notImages.push(path);
        return false;
      },
    });
    if (images > MAX_IMAGES) throw refuse(`${name} holds ${images} images; at most ${MAX_IMAGES} are read here.`, 'Zip a subset.');
    if (unpacked > MAX_UNPACKED_BYTES) {
      throw refuse(
        `The images in ${name} unpack to ${mb(unpacked)}, more than the ${mb(MAX_UNPACKED_BYTES)} read here (the zip's directory says so; nothing was unpacked).`,
        'Zip fewer or smaller images (32 × 32 is what the networks here see).',
      );
    }
    // Then the images, each into a buffer of its declared size, which is all fflate will write.
    files = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch (e) {
    if (e instanceof PlaygroundError) throw e;
    throw refuse(
      `${name} could not be unpacked (${e instanceof Error ? e.message.slice(0, 80) : 'damaged'}).`,
      'Zip the folders again and choose the new file.',
    );
  }
  const entries = Object.entries(files)
    .map(([path, data]) => ({ path: path.replace(/\\/g, '/'), data }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  notImages.sort();
  if (entries.length === 0) {
    const some = notImages.slice(0, 3).map((s) => `"${s.slice(0, 60)}"`);
    throw refuse(
      `${name} holds no images${notImages.length ? ` (it has ${some.join(', ')}${notImages.length > 3 ? ', …' : ''})` : ''}.`,
      `Zip one folder per class of ${IMAGE_EXTENSIONS.join('/')} images.`,
    );
  }
  // A single top-level folder around the class folders is unwrapped.
  const roots = new Set(entries.map((e) => e.path.split('/')[0]));
  const strip = roots.size === 1 && entries.some((e) => e.path.split('/').length >= 3) ? 1 : 0;
  const outsideFolders: string[] = [];
  const out: ClassImage[] = [];
  for (const { path, data } of entries) {
    const parts = path.split('/').slice(strip);
    if (parts.length < 2) outsideFolders.push(path);
    else out.push({ path, label: parts[0]!, bytes: data });
  }
  if (out.length === 0) {
    throw refuse(
      `"${outsideFolders[0]!.slice(0, 60)}" in ${name} is not inside a class folder.`,
      'Put the images in one sub-folder per class (cats/1.png, dogs/2.png, …) and zip the folders.',
    );
  }
  return { images: out, skips: { notImages, outsideFolders } };
}
