import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetReader } from './types';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

/** Reads files shipped in public/, as the page fetches them. */
export const readPublicAsset: AssetReader = async (path) => new Uint8Array(await readFile(join(publicDir, path)));
