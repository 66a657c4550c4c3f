import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ByteCache } from './image-sets/cache';

/** Downloaded image-set files kept in a folder (default ~/.cache/nas-playground), for the CLI. */
export function folderCache(dir = process.env.NAS_PLAYGROUND_CACHE ?? join(homedir(), '.cache', 'nas-playground')): ByteCache {
  const path = (key: string) => join(dir, key.replace(/[^a-zA-Z0-9._-]/g, '_'));
  return {
    async get(key) {
      try {
        return new Uint8Array(await readFile(path(key)));
      } catch {
        return undefined;
      }
    },
    async set(key, bytes) {
      await mkdir(dir, { recursive: true });
      await writeFile(path(key), bytes);
    },
  };
}
