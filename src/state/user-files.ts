import { zipSync } from 'fflate';
import { fileTooLarge } from '../core/limits';

/** The bytes of a file the user chose, with the name the link will carry. */
export interface UserBytes {
  name: string;
  bytes: Uint8Array;
}

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

type PickedFile = File & { webkitRelativePath?: string };

/** A CSV or a zip of class folders, read whole once its size is known to fit. */
export async function readUserFile(file: File): Promise<UserBytes> {
  const tooLarge = fileTooLarge(`"${file.name}"`, file.size);
  if (tooLarge) throw tooLarge;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A folder of class folders (from a directory picker), zipped with fixed timestamps and in path
 * order, so the same folder always gives the same bytes and the same content hash in the link.
 */
export async function zipUserFolder(files: FileList | readonly File[]): Promise<UserBytes> {
  const list = [...files].filter((f) => !f.name.startsWith('.')) as PickedFile[];
  const total = list.reduce((a, f) => a + f.size, 0);
  const root = list[0]?.webkitRelativePath?.split('/')[0] || 'folder';
  const tooLarge = fileTooLarge(`The folder "${root}"`, total);
  if (tooLarge) throw tooLarge;
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of list) entries[f.webkitRelativePath || f.name] = [new Uint8Array(await f.arrayBuffer()), { mtime: FIXED_TIME }];
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
  return { name: `${root}.zip`, bytes: zipSync(sorted, { level: 0 }) };
}
