import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/core/limits';
import { isPlaygroundError } from '../../src/core/errors';
import { readUserFile, zipUserFolder } from '../../src/state/user-files';

/** A file as a directory picker gives it: its path inside the chosen folder in webkitRelativePath. */
function picked(path: string, bytes: number[], lastModified: number): File {
  const file = new File([new Uint8Array(bytes)], path.split('/').pop()!, { lastModified });
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

describe("the user's own files in the page", () => {
  it('zips a folder to the same bytes whatever the order and times the browser gives its files in', async () => {
    const a = [picked('shapes/circle/1.png', [1, 2, 3], 1), picked('shapes/square/1.png', [4, 5], 2), picked('shapes/.DS_Store', [9], 3)];
    const b = [picked('shapes/square/1.png', [4, 5], 1_700_000_000_000), picked('shapes/circle/1.png', [1, 2, 3], 1_600_000_000_000)];
    const [za, zb] = [await zipUserFolder(a), await zipUserFolder(b)];
    expect(za.name).toBe('shapes.zip');
    expect(za.bytes).toEqual(zb.bytes);
    const entries = unzipSync(za.bytes);
    expect(Object.keys(entries)).toEqual(['shapes/circle/1.png', 'shapes/square/1.png']);
    expect([...entries['shapes/circle/1.png']!]).toEqual([1, 2, 3]);
  });

  it('refuses a file or a folder over the size limit before reading it, saying which', async () => {
    const huge = new File([], 'big.csv');
    Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 1 });
    const refusal = await readUserFile(huge).catch((e: unknown) => e);
    expect(isPlaygroundError(refusal) && refusal.message).toContain('"big.csv"');
    const big = picked('photos/cat/1.png', [1], 1);
    Object.defineProperty(big, 'size', { value: MAX_FILE_BYTES + 1 });
    const folder = await zipUserFolder([big]).catch((e: unknown) => e);
    expect(isPlaygroundError(folder) && folder.message).toContain('The folder "photos"');
  });

  it('reads a file whole, under its own name', async () => {
    const read = await readUserFile(new File(['a,b\n1,2\n'], 'table.csv'));
    expect(read.name).toBe('table.csv');
    expect(new TextDecoder().decode(read.bytes)).toBe('a,b\n1,2\n');
  });
});
