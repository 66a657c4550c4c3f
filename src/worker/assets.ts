/** Files shipped with the page (public/), read from where the page is served. */
const assetBase = new URL(import.meta.env.BASE_URL, self.location.origin);

export async function readAsset(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, assetBase));
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}
