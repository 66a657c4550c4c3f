import { describe, expect, it } from 'vitest';
import { usePageEnvironment } from './environment';
import { openAdvanced, openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('Auto-DeepLab in the page', () => {
  it('runs DARTS on the resolution space: β drawn as the trellis’ edge widths, the decoded path in colour', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.selectOption('[data-testid=space]', 'resolution');
    // DARTS has a supernet of the resolution trellis, so choosing it keeps the space.
    await page.selectOption('[data-testid=strategy]', 'darts');
    expect(await page.inputValue('[data-testid=space]')).toBe('resolution');
    await setNumber(page, 'resolution-layers', 3);
    await setNumber(page, 'space-channels', 4);
    await openAdvanced(page);
    await page.selectOption('[data-testid=max-examples]', '250');
    await setNumber(page, 'one-shot-epochs', 2);
    await setNumber(page, 'arch-rate', 0.05);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await expect.poll(() => page.locator('[data-testid=trial-row]').count()).toBe(2);
    // α: one row, the block every transition mixes.
    expect(await page.getAttribute('[data-testid=alpha-heatmap]', 'data-rows')).toBe('1');
    // β beside α: the path Viterbi decodes, the same as the returned genotype's.
    const summary = (await page.textContent('[data-testid=beta-summary]')) ?? '';
    const decoded = /Viterbi decodes (\d( \d)*);/.exec(summary)?.[1];
    expect(decoded).toBeDefined();
    expect(await page.textContent('[data-testid=alpha-derived]')).toContain(`${decoded} /`);
    const edges = await page.$$eval('[data-testid=dag] path.edge', (paths) =>
      paths.map((p) => ({ width: Number(p.getAttribute('stroke-width')), stroke: p.getAttribute('stroke'), arrow: p.getAttribute('marker-end') !== null })),
    );
    // The decoded path: one coloured edge per layer, with arrows; the other transitions β weighs, faint.
    const path = edges.filter((e) => e.arrow);
    expect(path).toHaveLength(3);
    expect(new Set(path.map((e) => e.stroke)).size).toBe(1);
    const widths = new Set(edges.filter((e) => e.width !== 1.5).map((e) => e.width.toFixed(3)));
    expect(widths.size).toBeGreaterThan(3);
    await page.locator('[data-testid=dag]').first().screenshot({ path: 'test-results/auto-deeplab-trellis.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
