import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { idxEntry } from '../fixtures/catalog';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { waitForBackend } from './page-helpers';

const env = usePageEnvironment();

/** MNIST-format files made here: 200 images of 28 × 28, a bright square whose place depends on the label. */
function mnistLike(): { images: Uint8Array; labels: Uint8Array } {
  const count = 200;
  const images = new Uint8Array(16 + count * 784);
  const labels = new Uint8Array(8 + count);
  [0x803, count, 28, 28].forEach((w, k) => new DataView(images.buffer).setUint32(4 * k, w));
  [0x801, count].forEach((w, k) => new DataView(labels.buffer).setUint32(4 * k, w));
  for (let i = 0; i < count; i++) {
    const label = i % 10;
    labels[8 + i] = label;
    for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) images[16 + i * 784 + (2 + label * 2 + r) * 28 + 4 + c + (i % 3)] = 255;
  }
  return { images: gzipSync(images), labels: gzipSync(labels) };
}

describe('image sets downloaded at run time', () => {
  it('downloads MNIST once with a progress bar and checksums, then works offline from IndexedDB', async () => {
    const { images, labels } = mnistLike();
    const catalog = {
      mnist: await idxEntry(
        'MNIST',
        { urls: ['https://storage.googleapis.com/mirror-test/train-images-idx3-ubyte.gz'], gz: images },
        { urls: ['https://storage.googleapis.com/mirror-test/train-labels-idx1-ubyte.gz'], gz: labels },
      ),
    };
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // The page's own catalog is replaced by one naming these files; the "mirror" (a host the page's
    // Content-Security-Policy allows, as the shipped catalog's are) is served from here.
    await context.route('**/data/image-sets.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(catalog) }));
    let served = 0;
    await context.route('https://storage.googleapis.com/mirror-test/**', (route) => {
      served++;
      const body = route.request().url().includes('images') ? images : labels;
      return route.fulfill({ body: Buffer.from(body), headers: { 'access-control-allow-origin': '*', 'content-length': String(body.length) } });
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    await page.selectOption('[data-testid=dataset]', 'mnist');
    await page.waitForFunction(() => /downloaded, checked and cached/.test(document.querySelector('[data-testid=data-panel]')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    expect(served).toBe(2);
    expect(await page.textContent('[data-testid=data-panel]')).toMatch(/MNIST \(28 × 28, 10 classes, first 200 training images\)/);
    await page.waitForSelector('[data-testid=data-samples]');

    // Offline now: the mirror refuses, and a new page still has MNIST, from this device's cache.
    await context.unroute('https://storage.googleapis.com/mirror-test/**');
    await context.route('https://storage.googleapis.com/mirror-test/**', (route) => route.abort('internetdisconnected'));
    const again = await context.newPage();
    const againErrors = watchErrors(again);
    await again.goto(page.url());
    await waitForBackend(again);
    await again.waitForFunction(() => /from this device’s cache/.test(document.querySelector('[data-testid=data-panel]')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    expect(errors).toEqual([]);
    expect(againErrors).toEqual([]);
    await context.close();
  });

  it('says what is wrong when the download fails or the file is not the published one, and loses nothing', async () => {
    const { images, labels } = mnistLike();
    const catalog = {
      fashion_mnist: await idxEntry(
        'Fashion-MNIST',
        { urls: ['https://storage.googleapis.com/mirror-test/f-images.gz'], gz: images, sha256: 'f'.repeat(64) },
        { urls: ['https://storage.googleapis.com/mirror-test/f-labels.gz'], gz: labels },
      ),
    };
    const context = await env.browser.newContext();
    await context.route('**/data/image-sets.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(catalog) }));
    await context.route('https://storage.googleapis.com/mirror-test/**', (route) =>
      route.fulfill({ body: Buffer.from(route.request().url().includes('images') ? images : labels), headers: { 'access-control-allow-origin': '*' } }),
    );
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    await page.selectOption('[data-testid=dataset]', 'fashion_mnist');
    await page.waitForSelector('[data-testid=data-panel] [role=alert]');
    expect(await page.textContent('[data-testid=data-panel] [role=alert]')).toMatch(
      /Could not load Fashion-MNIST \(images\): storage\.googleapis\.com: the file's SHA-256 is .*, not the published ffffffffffff….*Check your connection/,
    );
    // The page still works: back to digits.
    await page.selectOption('[data-testid=dataset]', 'digits');
    await page.waitForSelector('[data-testid=data-samples]');
    expect(errors).toEqual([]);
    await context.close();
  });
});
