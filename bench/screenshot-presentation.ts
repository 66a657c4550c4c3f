/**
 * The README's picture of presentation mode at 1280 × 720: a teacher's slide link (`?present=1`)
 * to regularised evolution on the NAS-Bench-201 table, after its run. `npm run screenshots:presentation`
 * (builds the page, serves it as the end-to-end tests do, drives Debian's Chromium).
 */
import { mkdirSync } from 'node:fs';
import { build } from 'vite';
import { parseExperiment } from '../src/core/experiment';
import { encodeLink } from '../src/core/link';
import { launchBrowser, startPreview } from '../test/e2e/browser';

const experiment = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: 'evolution', budget: 60, seed: 7 });

await build({ logLevel: 'warn' });
mkdirSync('docs', { recursive: true });
const server = await startPreview();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}?present=1${encodeLink(experiment)}`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=backend]')?.textContent ?? '…').trim() !== '…', null, { timeout: 60_000 });
  await page.click('[data-testid=start]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.getAttribute('data-status') === 'done', null, { timeout: 120_000 });
  await page.mouse.move(0, 0);
  const path = 'docs/presentation-1280x720.png';
  await page.screenshot({ path });
  console.log(path);
} finally {
  await browser.close();
  await server.close();
}
