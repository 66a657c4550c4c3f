/**
 * Screenshots of the built page for the README, as a newcomer sees it: after the default search,
 * at 1440 × 900 and 1280 × 720, the panel of what mattered, and a lesson after its run. `npm run screenshots`
 * (builds the page, serves it as the end-to-end tests do, drives Debian's Chromium);
 * `npm run screenshots -- --learn` retakes only the lesson's.
 */
import { mkdirSync } from 'node:fs';
import { build } from 'vite';
import { launchBrowser, startPreview } from '../test/e2e/browser';

const VIEWS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

await build({ logLevel: 'warn' });
mkdirSync('docs', { recursive: true });
const server = await startPreview();
const browser = await launchBrowser();
const learnOnly = process.argv.includes('--learn');
try {
  for (const [k, view] of learnOnly ? [] : VIEWS.entries()) {
    const page = await browser.newPage({ viewport: view, deviceScaleFactor: 1 });
    await page.goto(server.url);
    await page.waitForFunction(() => (document.querySelector('[data-testid=backend]')?.textContent ?? '…').trim() !== '…', null, { timeout: 60_000 });
    await page.waitForSelector('[data-testid=estimate]', { timeout: 60_000 });
    await page.click('[data-testid=start]');
    await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.getAttribute('data-status') === 'done', null, { timeout: 300_000 });
    // A trial picked, as a person exploring the result would.
    await page.locator('[data-testid=trial-row]').nth(5).click();
    await page.mouse.move(0, 0);
    // Clicking the row scrolled the table into view; the picture is of the first screen.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const el of document.querySelectorAll('main, aside')) el.scrollTop = 0;
    });
    // Charts redraw in a task of their own after a change (src/ui/views/draw-later.ts): the picture waits for them, as an eye does.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))));
    const path = `docs/playground-${view.width}x${view.height}.png`;
    await page.screenshot({ path });
    console.log(path);
    if (k === 0) {
      const explore = page.locator('[data-testid=explore]');
      await explore.scrollIntoViewIfNeeded();
      await page.evaluate('window.scrollBy(0, -120)');
      await explore.screenshot({ path: 'docs/what-mattered.png' });
      console.log('docs/what-mattered.png');
    }
    await page.close();
  }
  // A lesson from its link, answered and run: the answer beside the chart of the run.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}#lesson=evolution`);
  await page.locator('[data-testid=lesson-option]').first().check();
  await page.click('[data-testid=lesson-run]');
  await page.waitForSelector('[data-testid=lesson-reveal]', { timeout: 300_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/learn.png' });
  console.log('docs/learn.png');
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
