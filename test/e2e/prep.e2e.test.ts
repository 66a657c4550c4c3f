import { describe, expect, it } from 'vitest';
import { usePageEnvironment } from './environment';
import { openDataPrep, openPlayground, setNumber, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('data preparation in the page', () => {
  it('augments digits (preview beside the real ones), engineers iris features with a baseline, balances classes, and the link carries it all', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.waitForSelector('[data-testid=data-samples]');
    await openDataPrep(page);
    await page.check('[data-testid=aug-flip]');
    await setNumber(page, 'aug-rotate', 15);
    await setNumber(page, 'aug-cutout', 3);
    await page.waitForSelector('[data-testid=augmented-samples]');
    await page.check('[data-testid=prep-balance]');
    await page.waitForSelector('[data-testid=synthetic-samples]');
    expect(await page.textContent('[data-testid=synthetic-report]')).toMatch(/added to the training split/);
    expect(await page.locator('[data-testid=class-balance] rect.synthetic-bar').count()).toBeGreaterThan(0);
    await page.locator('[data-testid=data-panel]').screenshot({ path: 'test-results/prep-images.png' });

    await page.selectOption('[data-testid=dataset]', 'iris');
    await page.waitForSelector('[data-testid=cleaning-report]');
    expect(await page.textContent('[data-testid=cleaning-report]')).toMatch(/150 rows read/);
    await page.selectOption('[data-testid=prep-construct]', 'polynomial');
    await page.selectOption('[data-testid=prep-select]', 'mutual-info');
    await setNumber(page, 'prep-keep', 5);
    // Each change recomputes the preview in the worker; an earlier one may still be on screen, so wait for the last.
    await page.waitForFunction(() => /14 → 5/.test(document.querySelector('[data-testid=feature-report]')?.textContent ?? ''), null, { timeout: 60_000 });
    await page.waitForSelector('[data-testid=feature-baseline]');
    expect(await page.textContent('[data-testid=feature-report]')).toMatch(/4 → 14[\s\S]*14 → 5/);
    expect(await page.textContent('[data-testid=feature-baseline]')).toMatch(/\d+\.\d % on the cleaned columns → \d+\.\d % on the engineered ones/);
    await page.locator('[data-testid=data-panel]').screenshot({ path: 'test-results/prep-table.png' });

    // The search trains MLPs on the 5 engineered features, and the link restores every preparation setting.
    await page.selectOption('[data-testid=strategy]', 'random');
    await setNumber(page, 'budget', 2);
    await setNumber(page, 'epochs', 1);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    const link = await page.inputValue('[data-testid=share-link]');
    const fresh = await env.browser.newPage();
    await fresh.goto(link);
    await waitForBackend(fresh);
    expect(await fresh.inputValue('[data-testid=prep-construct]')).toBe('polynomial');
    expect(await fresh.inputValue('[data-testid=prep-keep]')).toBe('5');
    expect(await fresh.isChecked('[data-testid=prep-balance]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
    await fresh.close();
  });
});
