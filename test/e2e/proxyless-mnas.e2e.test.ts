import { describe, expect, it } from 'vitest';
import { usePageEnvironment } from './environment';
import { openAdvanced, openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('ProxylessNAS on the MnasNet-style space in the page', () => {
  it('shows op probabilities per layer and the latency table measured on this device', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.selectOption('[data-testid=strategy]', 'proxyless');
    await page.selectOption('[data-testid=space]', 'mnas');
    expect(await page.inputValue('[data-testid=space]')).toBe('mnas');
    await openAdvanced(page);
    await page.selectOption('[data-testid=max-examples]', '250');
    await setNumber(page, 'one-shot-epochs', 1);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page, 230_000)).toBe('done');

    // 10 layers (base layers + 1 per stage) × 7 ops (zero and six blocks).
    expect(await page.getAttribute('[data-testid=alpha-heatmap]', 'data-rows')).toBe('10');
    expect(await page.locator('[data-testid=alpha-heatmap] rect.alpha-cell').count()).toBe(70);
    expect(await page.textContent('[data-testid=alpha-panel]')).toMatch(/Each row is a layer of the network/);
    expect(await page.textContent('[data-testid=alpha-derived]')).toMatch(/^Now: blocks\(mb[36]_k[357]/);
    const table = page.locator('[data-testid=latency-table]');
    expect(await table.locator('tbody tr').count()).toBe(10);
    expect(await table.locator('summary').textContent()).toMatch(/adds up to [\d.]+ ms, against a target of [\d.]+ ms/);
    // One outlined cell per layer: the op α gives now.
    expect(await table.locator('td.chosen').count()).toBe(10);
    expect(errors).toEqual([]);
  });
});
