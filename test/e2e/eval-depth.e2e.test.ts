import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { usePageEnvironment } from './environment';
import { openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('retraining at evaluation depth in the page', () => {
  it('after a tiny run, retrains the returned architecture deeper and shows both figures side by side', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.selectOption('[data-testid=dataset]', 'digits');
    await page.selectOption('[data-testid=space]', 'chain');
    await page.selectOption('[data-testid=strategy]', 'random');
    await setNumber(page, 'budget', 2);
    await setNumber(page, 'epochs', 1);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');

    // Prefilled with the space's evaluation default: each of the 4 searched layers twice, 3 × the epochs.
    await page.waitForSelector('[data-testid=eval-depth]');
    expect(await page.inputValue('[data-testid=eval-depth-depth]')).toBe('8');
    expect(await page.inputValue('[data-testid=eval-depth-epochs]')).toBe('3');
    expect(await page.textContent('[data-testid=eval-depth]')).toMatch(/trained this architecture at 4 layers/);
    await setNumber(page, 'eval-depth-epochs', 1);
    await page.click('[data-testid=eval-depth-start]');
    await page.waitForSelector('[data-testid=eval-depth-result]', { timeout: 180_000 });

    const rows = page.locator('[data-testid=eval-depth-result] tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/^as searched\s*4\s*1\s*\d+\.\d%\s*\d+\.\d%/);
    expect(await rows.nth(1).textContent()).toMatch(/^at evaluation depth\s*8\s*1\s*\d+\.\d%\s*\d+\.\d%/);
    // The retrained network joins the found models, to download and try.
    await expect
      .poll(() => page.locator('[data-testid=result-model] option').allTextContents())
      .toContainEqual(expect.stringMatching(/evaluation depth: 8 layers, 1 epoch\b/));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts the measured figures into the depth gap’s text for a cell search', async () => {
    const x = parseExperiment({
      dataset: 'digits',
      space: 'cell',
      strategy: 'random',
      budget: 1,
      data: { maxExamples: 400 },
      spaceSettings: { cell: { channels: 4, nodes: 2 } },
      training: { epochs: 1 },
    });
    const { page, errors } = await openPlayground(env.browser, `${env.url}${encodeLink(x, null)}`);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await page.waitForSelector('[data-testid=eval-depth]');
    expect(await page.inputValue('[data-testid=eval-depth-depth]')).toBe('11');
    await setNumber(page, 'eval-depth-depth', 8);
    await setNumber(page, 'eval-depth-epochs', 1);
    await page.click('[data-testid=eval-depth-start]');
    await page.waitForSelector('[data-testid=depth-gap-measured]', { timeout: 180_000 });
    expect(await page.textContent('[data-testid=depth-gap-measured]')).toMatch(/as searched \(5 cells, 1 epoch\).*retrained at 8 cells for 1 epoch\b/s);
    expect(errors).toEqual([]);
    await page.close();
  });
});
