import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { openSection, setNumber, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();
const VIEW = { width: 1280, height: 720 };

/** Whether the element lies wholly inside the window, without scrolling. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= VIEW.height && box.x + box.width <= VIEW.width;
}

async function firstScreen(page: Page): Promise<Record<string, boolean>> {
  const main = (await page.locator('[data-testid=start], [data-testid=pause], [data-testid=resume]').first().getAttribute('data-testid'))!;
  return {
    [main]: await onScreen(page, `[data-testid=${main}]`),
    status: await onScreen(page, '[data-testid=status]'),
    chart: await onScreen(page, '[data-testid=accuracy-chart]'),
  };
}

describe('the first screen at 1280 × 720', () => {
  it('keeps Start, the status and the live chart in view before, during and after a run, and axe finds nothing serious in any state', async () => {
    const page = await env.browser.newPage({ viewport: VIEW });
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    await page.waitForSelector('[data-testid=estimate]', { timeout: 60_000 });
    expect(await firstScreen(page)).toEqual({ start: true, status: true, chart: true });
    const report: Record<string, string[]> = {};
    const check = async (state: string) => {
      const found = await seriousViolations(page);
      report[state] = found.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
    };
    await check('at rest');

    // Keyboard: the first Tab reaches the skip link, and Start is a few Tabs away.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to the settings/);
    let tabs = 1;
    while (tabs < 10 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'start') {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(tabs).toBeLessThanOrEqual(4);

    // Start from the keyboard: focus stays on the same button as it becomes Pause.
    const started = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=trial-row]', { timeout: 60_000 });
    const firstTrial = Date.now() - started;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/^(pause|start)$/);
    if ((await page.getAttribute('[data-testid=status]', 'data-status')) === 'running') {
      expect(await firstScreen(page)).toEqual({ pause: true, status: true, chart: true });
      expect(await page.textContent('[data-testid=status]')).toMatch(/^Trial \d+ of 24/);
      await check('while running');
    }
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await firstScreen(page)).toEqual({ start: true, status: true, chart: true });
    expect(await page.textContent('[data-testid=announcer]')).toMatch(/Search done: 24 of 24, best \d+\.\d%/);
    await check('after a run');

    // Every folded panel, open.
    for (const section of ['advanced', 'prep-details']) {
      await openSection(page, section);
      await check(`with ${section} open`);
    }
    await page.click('[data-testid=backend]');
    await check('with the backend details open');
    for (const summary of await page.locator('main details > summary').all()) {
      if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
    }
    await page.locator('[data-testid=trial-row]').first().click();
    await check('with every results panel open and a trial picked');
    console.log(`first trial ${firstTrial} ms after Start; ${tabs} Tabs to Start; axe serious+critical per state: ${JSON.stringify(report)}`);
    for (const [state, found] of Object.entries(report)) expect(found, state).toEqual([]);
    await page.screenshot({ path: 'test-results/first-screen-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the other states of the page', () => {
  it('has no serious accessibility finding with greyed-out options explained, a table search, a comparison and a weight-sharing run', async () => {
    const page = await env.browser.newPage({ viewport: VIEW });
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    const report: Record<string, string[]> = {};
    const check = async (state: string) => {
      report[state] = (await seriousViolations(page)).map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
    };
    await page.selectOption('[data-testid=dataset]', 'iris');
    await page.click('[data-testid=space-why] summary');
    expect(await page.textContent('[data-testid=space-why]')).toMatch(/cannot run on Iris: it convolves and pools images/);
    await check('a table, greyed-out spaces explained');

    await page.selectOption('[data-testid=dataset]', 'cifar10');
    // A data set known only through the table brings the lookup, and says so beside the menu.
    expect(await page.inputValue('[data-testid=evaluator]')).toBe('nb201');
    expect(await page.textContent('#choice-dataset-feedback')).toMatch(/also set evaluation to Look up in NAS-Bench-201/);
    await setNumber(page, 'budget', 200);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await check('after table lookups');
    await setNumber(page, 'compare-seeds', 2);
    await page.click('[data-testid=compare-start]');
    await page.waitForSelector('[data-testid=compare-table]', { timeout: 60_000 });
    await check('with a comparison');

    await page.selectOption('[data-testid=evaluator]', 'train');
    await page.selectOption('[data-testid=strategy]', 'darts');
    await setNumber(page, 'one-shot-epochs', 1);
    await openSection(page, 'advanced');
    await page.selectOption('[data-testid=max-examples]', '250');
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await page.textContent('[data-testid=status]')).toMatch(/^Done: DARTS trained the supernet for 1 epoch · returned cell/);
    await check('after a weight-sharing run');
    console.log(`axe serious+critical, other states: ${JSON.stringify(report)}`);
    for (const [state, found] of Object.entries(report)) expect(found, state).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
