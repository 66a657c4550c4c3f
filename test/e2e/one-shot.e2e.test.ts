import { decodeLink } from '../../src/core/link';
import { describe, expect, it } from 'vitest';
import { usePageEnvironment } from './environment';
import { openAdvanced, openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('weight sharing in the page', () => {
  it('runs DARTS on NAS-Bench-201 cells: α heat map per epoch, edge widths from α, the supernet panel, and the collapse explained', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.selectOption('[data-testid=space]', 'chain');
    // Choosing a weight-sharing strategy moves the experiment to a space that has a supernet.
    await page.selectOption('[data-testid=strategy]', 'darts');
    expect(await page.inputValue('[data-testid=space]')).toBe('nb201');
    expect(await page.isDisabled('[data-testid=budget]')).toBe(true);
    await openAdvanced(page);
    await page.selectOption('[data-testid=max-examples]', '250');
    await setNumber(page, 'one-shot-epochs', 3);
    await setNumber(page, 'arch-rate', 0.05);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');

    await expect.poll(() => page.locator('[data-testid=trial-row]').count()).toBe(3);
    // 6 edges × 5 ops, every cell shaded, one outlined op per edge.
    expect(await page.locator('[data-testid=alpha-heatmap] rect.alpha-cell').count()).toBe(30);
    expect(await page.getAttribute('[data-testid=alpha-heatmap]', 'data-rows')).toBe('6');
    const outlined = await page.$$eval(
      '[data-testid=alpha-heatmap] rect.alpha-cell',
      (cells) => cells.filter((c) => c.getAttribute('stroke') !== 'none').length,
    );
    expect(outlined).toBe(6);
    expect(await page.textContent('[data-testid=alpha-derived]')).toMatch(/\|.*~0\|/);
    expect(await page.textContent('[data-testid=collapse-note]')).toMatch(/no weights/);
    expect(await page.locator('[data-testid=collapse-chart] path').count()).toBeGreaterThanOrEqual(2);
    // The supernet panel reports the memory a step keeps and the worker's tensors.
    expect(await page.textContent('[data-testid=supernet-step-memory]')).toMatch(/MB/);
    expect(await page.textContent('[data-testid=supernet-panel]')).toMatch(/mixed supernet/);
    // The DAG of what the search returns draws its edges with widths that follow α.
    const widths = await page.$$eval('[data-testid=dag] path.edge', (paths) => paths.map((p) => Number(p.getAttribute('stroke-width'))));
    expect(widths.length).toBeGreaterThan(0);
    expect(widths.some((w) => w !== 3)).toBe(true);
    await page.screenshot({ path: 'test-results/one-shot.png', fullPage: true });
    await page.locator('[data-testid=alpha-panel]').screenshot({ path: 'test-results/alpha-panel.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scores the candidates of any strategy with one shared supernet when that evaluator is chosen', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.selectOption('[data-testid=space]', 'mnas');
    await page.selectOption('[data-testid=evaluator]', 'supernet');
    expect(await page.inputValue('[data-testid=space]')).toBe('nb201');
    await page.selectOption('[data-testid=strategy]', 'random');
    await openAdvanced(page);
    await page.selectOption('[data-testid=max-examples]', '250');
    await setNumber(page, 'one-shot-epochs', 1);
    await setNumber(page, 'budget', 3);
    // The supernet's own training settings show (SPOS's path sampling), not SPOS's search: the strategy searches.
    await page.selectOption('[data-testid=strategy-settings-one-shot-sampling]', 'fair');
    expect(await page.locator('[data-testid=strategy-settings-one-shot-calibration-batches]').count()).toBe(1);
    expect(await page.locator('[data-testid=strategy-settings-one-shot-search]').count()).toBe(0);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await expect.poll(() => page.locator('[data-testid=trial-row]').count()).toBe(4);
    expect(await page.textContent('[data-testid=supernet-panel]')).toMatch(/SPOS/);
    expect(decodeLink(await page.inputValue('[data-testid=share-link]')).experiment.strategySettings.oneShot.sampling).toBe('fair');
    const rows = await page.$$eval('[data-testid=trial-row]', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.filter((r) => /random over paths/.test(r))).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
