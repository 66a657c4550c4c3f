import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { usePageEnvironment } from './environment';
import { openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('the hierarchical space in the page', () => {
  it('runs 2 trials, draws the best cell with its motifs collapsed, and opens and closes one by click and by keyboard', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.selectOption('[data-testid=space]', 'hierarchical');
    await setNumber(page, 'budget', 2);
    await setNumber(page, 'epochs', 1);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await page.locator('[data-testid=trial-row]').count()).toBe(2);

    const dag = page.locator('[data-testid=dag]');
    const closed = dag.locator('[data-motif][aria-expanded=false]');
    expect(await closed.count()).toBeGreaterThan(0);
    const first = closed.first();
    const motif = (await first.getAttribute('data-motif'))!;
    const name = (await first.locator('text.label').textContent())!;
    expect(name).toMatch(/^motif \d$/);
    const before = await dag.locator('[data-testid=dag-node]').count();

    await first.click();
    const opener = dag.locator(`[data-motif="${motif}"]`);
    await expect.poll(() => opener.getAttribute('aria-expanded')).toBe('true');
    expect(await opener.locator('text.label').textContent()).toBe(`${name} in`);
    expect(await dag.locator('[data-testid=dag-node]').count()).toBeGreaterThan(before);
    // Its DAG of primitives is listed in the edges as text too.
    expect(await page.locator('[data-testid=dag] ~ details.edges-text li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${name} in .*→ .* through `))]),
    );

    await opener.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dag.locator(`[data-motif="${motif}"]`).getAttribute('aria-expanded')).toBe('false');
    expect(await dag.locator('[data-testid=dag-node]').count()).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
