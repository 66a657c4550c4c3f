import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classFolders, zip } from '../fixtures/images';
import { usePageEnvironment } from './environment';
import { openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('your own images in the page', () => {
  it('reads a zip of class folders in the worker, searches it, and reads a folder of class folders the same way', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.setInputFiles('[data-testid=data-file]', { name: 'shapes.zip', mimeType: 'application/zip', buffer: Buffer.from(zip(classFolders())) });
    await page.waitForFunction(() =>
      /shapes\.zip \(12 images at 12 × 12, 2 classes\)/.test(document.querySelector('[data-testid=data-panel]')?.textContent ?? ''),
    );
    expect(await page.inputValue('[data-testid=dataset]')).toBe('own');
    expect(await page.textContent('.controls')).toMatch(/12 images at 12 × 12, 2 classes/);
    await page.selectOption('[data-testid=strategy]', 'random');
    await setNumber(page, 'budget', 1);
    await setNumber(page, 'epochs', 1);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await page.locator('[data-testid=trial-row]').count()).toBe(1);

    // The same images as a folder: zipped in the page with fixed timestamps, so the link's content hash is stable.
    const dir = mkdtempSync(join(tmpdir(), 'nas-folder-'));
    for (const [path, bytes] of Object.entries(classFolders())) {
      mkdirSync(join(dir, ...path.split('/').slice(0, -1)), { recursive: true });
      writeFileSync(join(dir, ...path.split('/')), bytes);
    }
    const settled = async () => {
      // The hash is written once the worker has read the folder, and the address follows the share
      // link at most once a second: wait until the two agree and stop changing.
      let last = '';
      for (let i = 0; i < 40; i++) {
        await page.waitForTimeout(150);
        const now = new URL(page.url()).hash;
        const shown = new URL(await page.inputValue('[data-testid=share-link]')).hash;
        if (now === last && now === shown) return now;
        last = now;
      }
      return last;
    };
    await page.setInputFiles('[data-testid=data-folder]', join(dir, 'shapes'));
    const first = await settled();
    expect(await page.textContent('[data-testid=data-panel]')).toMatch(/shapes\.zip \(12 images at 12 × 12, 2 classes\)/);
    await page.setInputFiles('[data-testid=data-folder]', join(dir, 'shapes'));
    expect(await settled()).toBe(first);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a zip with no images, and a 500 MB file, with messages that say what to do, and keeps the page working', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.setInputFiles('[data-testid=data-file]', {
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zip({ 'a/readme.txt': 'hello', 'b/data.csv': '1,2' })),
    });
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toMatch(/notes\.zip holds no images .* Zip one folder per class/);
    const big = join(mkdtempSync(join(tmpdir(), 'nas-big-')), 'huge.csv');
    writeFileSync(big, '');
    truncateSync(big, 500 * 2 ** 20);
    await page.setInputFiles('[data-testid=data-file]', big);
    await page.waitForFunction(() => /huge\.csv/.test(document.querySelector('[role=alert]')?.textContent ?? ''));
    expect(await page.textContent('[role=alert]')).toMatch(/huge\.csv.*500.*MB/);
    expect(await page.inputValue('[data-testid=dataset]')).toBe('digits');
    await page.waitForSelector('[data-testid=data-samples]');
    expect(errors).toEqual([]);
    await page.close();
  });
});
