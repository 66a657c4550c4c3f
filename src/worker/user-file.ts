import type { UserFileSummary } from '../contracts/data';
import { decodeImageBrowser } from '../data/image-decode-browser';
import type { UserFile } from '../data/load';
import { contentHash, parseUserCsv } from '../data/user-csv';
import { isZip, parseUserImages } from '../data/user-images';

/**
 * Reads the user's own file once, here in the worker, to check it and to tell the page what it
 * holds: a zip of class folders of images, or a CSV table (its columns, for the label menu).
 */
export async function checkUserFile(name: string, bytes: Uint8Array, label?: string): Promise<{ file: UserFile; summary: UserFileSummary }> {
  const hash = contentHash(bytes);
  if (isZip(bytes)) {
    const images = await parseUserImages(bytes, name, decodeImageBrowser, hash);
    return {
      file: { name, bytes, decode: decodeImageBrowser },
      summary: { kind: 'images', columns: [], labelColumn: '', hash, summary: `${images.info.title}; ${images.info.source}` },
    };
  }
  const dataset = parseUserCsv(bytes, { name, label });
  const cleaning = dataset.info.cleaning!;
  const columns = [...cleaning.types.map((t) => t.column), ...cleaning.constant, dataset.info.labelColumn!];
  return { file: { name, bytes }, summary: { kind: 'table', columns, labelColumn: dataset.info.labelColumn!, hash, summary: dataset.info.title } };
}
