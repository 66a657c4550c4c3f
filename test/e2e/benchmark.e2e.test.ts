import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { setNumber, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('searching the NAS-Bench-201 table in the page', () => {
  it('runs a thousand lookups, shows the 200-epoch test accuracy and keeps the table readable', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    await page.selectOption('[data-testid=evaluator]', 'nb201');
    // Switching the evaluator moves space and dataset to what the table covers.
    expect(await page.inputValue('[data-testid=space]')).toBe('nb201');
    expect(await page.inputValue('[data-testid=dataset]')).toBe('cifar10');
    await page.selectOption('[data-testid=dataset]', 'cifar100');
    await page.selectOption('[data-testid=strategy]', 'tpe');
    await setNumber(page, 'budget', 1000);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page, 120_000)).toBe('done');
    expect(await page.textContent('[data-testid=status]')).toMatch(/Done: 1000 trials/);
    // Rows enter a few dozen a frame (two hundred at once held the page): the table fills within moments of the end.
    await expect.poll(() => page.locator('[data-testid=trial-row]').count(), { timeout: 5_000 }).toBe(200);
    expect(await page.getAttribute('table.trials', 'aria-busy')).toBe('false');
    expect(await page.textContent('table.trials thead')).toMatch(/200-epoch test/);
    expect(await page.textContent('table.trials')).toMatch(/Showing the first 200 of 1000/);
    expect(await page.locator('[data-testid=dag] [data-testid=dag-node]').count()).toBe(4);
    // The trade-off chart marks a Pareto front, for any pair of objectives.
    const front = () => page.locator('[data-testid=pareto-chart] circle[data-front=yes]').count();
    expect(await front()).toBeGreaterThan(0);
    expect(await front()).toBeLessThan(1000);
    await page.selectOption('[data-testid=pareto-y]', 'flops');
    expect(await front()).toBeGreaterThan(0);
    // The last trial's tip, at the chart's right edge, opens to the cursor's left: it stays inside its panel.
    const last = await page.$$eval('[data-testid=accuracy-chart] circle.trial-dot', (dots) => {
      const boxes = dots.map((d) => d.getBoundingClientRect());
      const right = boxes.reduce((a, b) => (b.right > a.right ? b : a));
      return { x: right.left + right.width / 2, y: right.top + right.height / 2 };
    });
    await page.mouse.move(last.x, last.y);
    const tip = page.locator('figure:has([data-testid=accuracy-chart]) .chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const [inside, panel] = await Promise.all([tip.boundingBox(), page.locator('figure:has([data-testid=accuracy-chart])').boundingBox()]);
    expect(inside!.x).toBeGreaterThanOrEqual(panel!.x);
    expect(inside!.x + inside!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
    expect(inside!.x + inside!.width).toBeLessThan(last.x);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('comparing strategies in the page', () => {
  it('runs several strategies on the same seeds and summarises mean and spread', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    await page.selectOption('[data-testid=evaluator]', 'nb201');
    await setNumber(page, 'budget', 100);
    await setNumber(page, 'compare-seeds', 5);
    await page.click('[data-testid=compare-start]');
    await page.waitForFunction(() => /20 of 20 searches done/.test(document.querySelector('[data-testid=compare-progress]')?.textContent ?? ''), null, {
      timeout: 120_000,
    });
    const rows = await page.$$eval('[data-testid=compare-table] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/\(5 seeds\).*\d+\.\d\d ± \d+\.\d\d/);
    expect(await page.locator('[data-testid=compare] svg path').count()).toBeGreaterThanOrEqual(8);
    expect(errors).toEqual([]);
    await page.close();
  });
});
