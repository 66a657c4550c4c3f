import type { Browser, Page } from 'playwright-core';
import { watchErrors } from './browser';

export async function waitForBackend(page: Page): Promise<string> {
  await page.waitForFunction(() => (document.querySelector('[data-testid=backend]')?.textContent ?? '…').trim() !== '…', null, { timeout: 60_000 });
  return (await page.textContent('[data-testid=backend]'))!.trim();
}

/** Waits until the run ends; returns the final status. */
export async function waitForRunEnd(page: Page, timeout = 180_000): Promise<string> {
  await page.waitForFunction(
    () => ['done', 'stopped', 'error'].includes(document.querySelector('[data-testid=status]')?.getAttribute('data-status') ?? ''),
    null,
    { timeout },
  );
  // The architecture the end brings is laid out in a worker: wait for its drawing too.
  await page.waitForFunction(() => !document.querySelector('svg.dag[aria-busy=true]'), null, { timeout });
  return (await page.getAttribute('[data-testid=status]', 'data-status'))!;
}

export async function setNumber(page: Page, testid: string, value: number): Promise<void> {
  await page.fill(`[data-testid=${testid}]`, String(value));
  await page.press(`[data-testid=${testid}]`, 'Tab');
}

export async function architectures(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=trial-row] td.mono', (cells) => cells.map((c) => c.textContent ?? ''));
}

/** A new wide page on the playground (optionally at a link), its console errors watched, once the backend is known. */
export async function openPlayground(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = watchErrors(page);
  await page.goto(url);
  await waitForBackend(page);
  return { page, errors };
}

/** Opens a folded section (a <details>) the way a person does, by clicking its summary, unless it is open. */
export async function openSection(page: Page, testid: string): Promise<void> {
  const details = page.locator(`[data-testid=${testid}]`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').first().click();
}

/** The settings folded into "Advanced settings". */
export const openAdvanced = (page: Page) => openSection(page, 'advanced');
/** Data preparation, folded under the data preview. */
export const openDataPrep = (page: Page) => openSection(page, 'prep-details');
