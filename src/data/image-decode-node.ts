import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageDecoder } from './user-images';

/** PNG and JPEG in Node (the CLI and tests), with pure-JS decoders; other formats are refused per file. */
export const decodeImageNode: ImageDecoder = async (bytes, name) => {
  const extension = name.split('.').pop()?.toLowerCase();
  if (extension === 'png') {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
  }
  if (extension === 'jpg' || extension === 'jpeg') {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 24, maxMemoryUsageInMB: 256 });
    return { width: image.width, height: image.height, rgba: image.data };
  }
  throw new Error(`${extension} images are read in the page only`);
};
