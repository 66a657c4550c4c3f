import { describe, expect, it } from 'vitest';
import { usePageEnvironment } from './environment';
import { openDataPrep, openPlayground } from './page-helpers';

const env = usePageEnvironment();

describe('generated training examples in the page', () => {
  it('a Gaussian mixture for a table and a GAN for digits: the report, and the samples beside the real ones', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.waitForSelector('[data-testid=data-samples]');
    await openDataPrep(page);
    expect(await page.locator('[data-testid=prep-generate] option[value=gan]').isDisabled()).toBe(false);
    expect(await page.isDisabled('[data-testid=prep-generate-amount]')).toBe(true);

    await page.selectOption('[data-testid=dataset]', 'iris');
    await page.waitForSelector('[data-testid=cleaning-report]');
    await page.selectOption('[data-testid=prep-generate]', 'gan');
    await page.waitForSelector('[data-testid=generated-report]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=generated-report]')).toMatch(/\d+ added to the training split by a Gaussian mixture per class/);
    await page.click('[data-testid=show-scaled]');
    await page.waitForSelector('table[data-testid=synthetic-samples]');
    // Two generated rows of each of iris's three classes.
    expect(await page.locator('table[data-testid=synthetic-samples] tbody tr').count()).toBe(6);

    await page.selectOption('[data-testid=dataset]', 'digits');
    // The GAN trains in the data worker: seconds on a laptop, longer on a busy 2-core machine.
    await page.waitForFunction(() => /GAN/.test(document.querySelector('[data-testid=generated-report]')?.textContent ?? ''), null, { timeout: 200_000 });
    expect(await page.textContent('[data-testid=generated-report]')).toMatch(
      /after \d+ steps its discriminator calls \d+\.\d % of real and \d+\.\d % of generated/,
    );
    await page.waitForSelector('canvas[data-testid=synthetic-samples]');
    await page.locator('[data-testid=data-panel]').screenshot({ path: 'test-results/generated-digits.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
