import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { prepareData } from '../../src/data/load';
import type { DownloadProgress } from '../../src/contracts/data';
import { loadImageSet, type ByteCache, type NetworkAccess } from '../../src/data/image-sets';
import { resetCatalog } from '../../src/data/image-sets/catalog';
import { parseIdx, readTar } from '../../src/data/image-sets/parse';
import { readPublicAsset } from '../../src/data/node-assets';
import { idxEntry, TEN_CLASSES } from '../fixtures/catalog';

/** IDX files as the MNIST distribution has them, with pixel = (7·i + p) mod 256 and label = i mod 10. */
function idx(count: number, side: number): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(16 + count * side * side);
  const labels = new Uint8Array(8 + count);
  const head = (b: Uint8Array, words: number[]) => words.forEach((w, k) => new DataView(b.buffer).setUint32(4 * k, w));
  head(images, [0x803, count, side, side]);
  head(labels, [0x801, count]);
  for (let i = 0; i < count; i++) {
    labels[8 + i] = i % 10;
    for (let p = 0; p < side * side; p++) images[16 + i * side * side + p] = (7 * i + p) % 256;
  }
  return { images, labels };
}

/** A ustar archive of the given files. */
function tar(files: Record<string, Uint8Array>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const [name, data] of Object.entries(files)) {
    const header = new Uint8Array(512);
    const put = (text: string, at: number) => header.set(new TextEncoder().encode(text), at);
    put(name, 0);
    put('0000644\0', 100);
    put(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    put('0', 156);
    put('ustar\0' + '00', 257);
    put('        ', 148);
    const sum = header.reduce((a, b) => a + b, 0);
    put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((a, b) => a + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function memoryCache(): ByteCache & { store: Map<string, Uint8Array> } {
  const store = new Map<string, Uint8Array>();
  return { store, get: async (k) => store.get(k), set: async (k, b) => void store.set(k, b) };
}

async function setup(served: Record<string, Uint8Array | number>, catalog: object) {
  const requests: string[] = [];
  const progress: DownloadProgress[] = [];
  const cache = memoryCache();
  const net: NetworkAccess = {
    fetch: (async (url: string) => {
      requests.push(String(url));
      const body = served[String(url)];
      if (body === undefined) throw new TypeError('Failed to fetch');
      if (typeof body === 'number') return new Response('nope', { status: body });
      return new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-length': String(body.length) } });
    }) as typeof fetch,
    cache,
    progress: (p) => progress.push(p),
  };
  const readAsset = async (path: string) => (path === 'data/image-sets.json' ? new TextEncoder().encode(JSON.stringify(catalog)) : readPublicAsset(path));
  resetCatalog();
  return { net, cache, requests, progress, readAsset };
}

const classes = TEN_CLASSES;

describe('image sets loaded at run time', () => {
  it('ships a catalog of the usual public locations over https, with published SHA-256 where there is one', async () => {
    resetCatalog();
    const { loadCatalog } = await import('../../src/data/image-sets/catalog');
    const catalog = await loadCatalog(readPublicAsset);
    expect(Object.keys(catalog).sort()).toEqual(['cifar10_images', 'fashion_mnist', 'mnist']);
    for (const entry of Object.values(catalog)) {
      for (const file of Object.values(entry.files)) for (const url of file.urls) expect(url).toMatch(/^https:\/\//);
    }
    expect(catalog.mnist!.files.images!.sha256).toMatch(/^440fcabf/);
    resetCatalog();
  });

  it('parses IDX files: the first N images scaled to [0, 1] with their labels', () => {
    const { images, labels } = idx(12, 5);
    const out = parseIdx(images, labels, 4);
    expect(out).toMatchObject({ n: 4, side: 5 });
    expect(Array.from(out.y)).toEqual([0, 1, 2, 3]);
    expect(out.x[1 * 25 + 3]).toBeCloseTo((7 + 3) / 255, 6);
    expect(() => parseIdx(images.subarray(0, 100), labels, 4)).toThrow(/shorter or longer than its header says/);
    expect(() => parseIdx(labels, labels, 4)).toThrow(/magic 2051/);
  });

  it('downloads MNIST-format files, checks their SHA-256, caches them, reports progress, and reads the cache the second time', async () => {
    const { images, labels } = idx(30, 28);
    const [gi, gl] = [gzipSync(images), gzipSync(labels)];
    const catalog = {
      mnist: await idxEntry('MNIST', { urls: ['https://a.example/i.gz', 'https://b.example/i.gz'], gz: gi }, { urls: ['https://a.example/l.gz'], gz: gl }),
    };
    // The first mirror of the images is down; the second answers.
    const t = await setup({ 'https://a.example/i.gz': 503, 'https://b.example/i.gz': gi, 'https://a.example/l.gz': gl }, catalog);
    const first = await loadImageSet('mnist', t.readAsset, t.net, 20);
    expect(first.examples.n).toBe(20);
    expect(first.info.input).toEqual({ height: 28, width: 28, channels: 1 });
    expect(first.info.source).toMatch(/downloaded, checked and cached/);
    expect(t.progress.at(-1)).toMatchObject({ dataset: 'mnist', from: 'network' });
    expect(t.progress.some((p) => p.file === 'images' && p.loaded === gi.length && p.total === gi.length)).toBe(true);
    expect(t.cache.store.size).toBe(2);
    const fetched = t.requests.length;
    const second = await loadImageSet('mnist', t.readAsset, t.net, 20);
    expect(t.requests.length).toBe(fetched); // offline: nothing fetched
    expect(second.info.source).toMatch(/from this device’s cache/);
    expect(Array.from(second.examples.x)).toEqual(Array.from(first.examples.x));
  });

  it('refuses a file whose checksum differs, and says why when every mirror fails', async () => {
    const { images, labels } = idx(5, 4);
    const [gi, gl] = [gzipSync(images), gzipSync(labels)];
    const catalog = {
      fashion_mnist: await idxEntry(
        'Fashion-MNIST',
        { urls: ['https://a.example/i.gz'], gz: gi, sha256: '0'.repeat(64) },
        { urls: ['https://a.example/l.gz'], gz: gl },
      ),
    };
    const t = await setup({ 'https://a.example/i.gz': gi, 'https://a.example/l.gz': gl }, catalog);
    await expect(loadImageSet('fashion_mnist', t.readAsset, t.net, 0)).rejects.toThrow(/SHA-256 is [0-9a-f]{12}…, not the published 000000000000…/);
    expect(t.cache.store.size).toBe(0); // nothing unchecked is kept
    const offline = await setup({}, catalog);
    const error = await loadImageSet('fashion_mnist', offline.readAsset, offline.net, 0).catch((e: Error & { hint?: string }) => e);
    expect(String(error)).toMatch(/Could not load Fashion-MNIST \(images\): a\.example: Failed to fetch/);
  });

  it('reads CIFAR-10 binary batches out of a tar.gz, as colour NHWC images', async () => {
    const record = (label: number, seed: number) => {
      const r = new Uint8Array(3073);
      r[0] = label;
      for (let p = 0; p < 3072; p++) r[1 + p] = (seed + p) % 256;
      return r;
    };
    const batch = (k: number) => {
      const b = new Uint8Array(2 * 3073);
      b.set(record(k, 10 * k), 0);
      b.set(record((k + 5) % 10, 10 * k + 1), 3073);
      return b;
    };
    const files: Record<string, Uint8Array> = { 'cifar-10-batches-bin/batches.meta.txt': new TextEncoder().encode('airplane\n') };
    for (let k = 1; k <= 5; k++) files[`cifar-10-batches-bin/data_batch_${k}.bin`] = batch(k);
    const archive = gzipSync(tar(files));
    expect([...readTar(tar(files)).keys()]).toContain('cifar-10-batches-bin/data_batch_3.bin');
    const catalog = {
      cifar10_images: {
        title: 'CIFAR-10',
        source: 'test',
        format: 'cifar',
        classes,
        files: { archive: { urls: ['https://c.example/c.tgz'], sha256: null, bytes: archive.length } },
      },
    };
    const t = await setup({ 'https://c.example/c.tgz': archive }, catalog);
    const data = await loadImageSet('cifar10_images', t.readAsset, t.net, 7);
    expect(data.examples.n).toBe(7);
    expect(Array.from(data.examples.y)).toEqual([1, 6, 2, 7, 3, 8, 4]);
    // Pixel p of channel c is byte 1 + 1024·c + p: the first pixel of record 0 is (10, 10 + 1024, 10 + 2048) mod 256.
    expect(Array.from(data.examples.x.slice(0, 3)).map((v) => Math.round(v * 255))).toEqual([10, (10 + 1024) % 256, (10 + 2048) % 256]);
    const broken = await setup({ 'https://c.example/c.tgz': gzipSync(tar({ 'x/data_batch_1.bin': batch(1) })) }, catalog);
    await expect(loadImageSet('cifar10_images', broken.readAsset, broken.net, 7)).rejects.toThrow(/lacks data_batch_1\.bin … data_batch_5\.bin/);
  });

  it('a search over a downloaded set prepares its data like any image set (subset, split)', async () => {
    const { images, labels } = idx(60, 8);
    const [gi, gl] = [gzipSync(images), gzipSync(labels)];
    const catalog = { mnist: await idxEntry('MNIST', { urls: ['https://a.example/i.gz'], gz: gi }, { urls: ['https://a.example/l.gz'], gz: gl }) };
    const t = await setup({ 'https://a.example/i.gz': gi, 'https://a.example/l.gz': gl }, catalog);
    const data = await prepareData(parseExperiment({ dataset: 'mnist', data: { maxExamples: 50 } }), t.readAsset, undefined, t.net);
    expect(data.train.n + data.val.n + data.test.n).toBe(50);
    expect(data.info.kind).toBe('image');
    await expect(prepareData(parseExperiment({ dataset: 'mnist' }), t.readAsset)).rejects.toThrow(/no network access/);
    resetCatalog();
  });
});
