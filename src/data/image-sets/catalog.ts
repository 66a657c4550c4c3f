import * as v from 'valibot';
import { PlaygroundError } from '../../core/errors';
import type { AssetReader } from '../types';

/** The list of downloadable image sets (where each file is mirrored, its size and published SHA-256), shipped in public/. */
export const IMAGE_SETS_PATH = 'data/image-sets.json';

const FileSchema = v.object({
  urls: v.pipe(v.array(v.pipe(v.string(), v.url())), v.minLength(1)),
  sha256: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  bytes: v.number(),
});
const CatalogSchema = v.record(
  v.string(),
  v.object({
    title: v.string(),
    source: v.string(),
    format: v.picklist(['idx', 'cifar']),
    classes: v.array(v.string()),
    files: v.record(v.string(), FileSchema),
  }),
);
export type ImageSetCatalog = v.InferOutput<typeof CatalogSchema>;
export type ImageSetFile = v.InferOutput<typeof FileSchema>;

let catalog: Promise<ImageSetCatalog> | null = null;

/** The catalog, read and validated once; a failed read is forgotten, so the next asks again. */
export function loadCatalog(readAsset: AssetReader): Promise<ImageSetCatalog> {
  catalog ??= readAsset(IMAGE_SETS_PATH)
    .then((bytes) => v.parse(CatalogSchema, JSON.parse(new TextDecoder().decode(bytes))))
    .catch((e: unknown) => {
      catalog = null;
      throw new PlaygroundError('dataset-load', `Could not read the list of image sets (${e instanceof Error ? e.message : String(e)}).`, 'Reload the page.');
    });
  return catalog;
}

/** Forgets the catalog read earlier (tests serve another one). */
export function resetCatalog(): void {
  catalog = null;
}
