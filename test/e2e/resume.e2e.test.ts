import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { architectures, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('a run survives a reload', () => {
  it.each([
    ['random search', parseExperiment({ data: { maxExamples: 250 }, space: 'nb201', strategy: 'random', budget: 8, training: { epochs: 1 }, seed: 3 }), 2, 8],
    [
      'DARTS (from its last epoch checkpoint)',
      // Eight epochs: a trial reaches the page once its checkpoint is written, and a short run could be all written by the reload.
      parseExperiment({ data: { maxExamples: 250 }, space: 'nb201', strategy: 'darts', strategySettings: { oneShot: { epochs: 8 } }, seed: 3 }),
      2,
      8,
    ],
  ])(
    '%s: the trials kept in IndexedDB come back after a reload, and resuming ends exactly where an uninterrupted run does',
    async (_name, experiment, reloadAfter, total) => {
      const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${env.url}${encodeLink(experiment)}`);
      await waitForBackend(page);
      await page.click('[data-testid=start]');
      await expect.poll(() => page.locator('[data-testid=trial-row]').count(), { timeout: 120_000 }).toBeGreaterThanOrEqual(reloadAfter);
      await page.reload();
      await waitForBackend(page);
      await page.waitForSelector('[data-testid=interrupted]');
      const kept = Number(/(\d+) trials? kept on this device/.exec((await page.textContent('[data-testid=interrupted]'))!)![1]);
      expect(kept).toBeGreaterThanOrEqual(1);
      expect(kept).toBeLessThan(total);
      await page.click('[data-testid=resume-run]');
      // The kept trials are replayed, not trained again: the run says where it continues.
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toMatch(
        new RegExp(`Resumed from this device: ${kept} trials? kept, continuing at (trial|epoch) ${kept + 1}`),
      );
      expect(await waitForRunEnd(page)).toBe('done');
      await expect.poll(() => page.locator('[data-testid=trial-row]').count()).toBe(total);
      const resumed = await architectures(page);

      // The same link run without interruption, in a fresh context.
      const clean = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await clean.goto(`${env.url}${encodeLink(experiment)}`);
      await waitForBackend(clean);
      expect(await clean.locator('[data-testid=interrupted]').count()).toBe(0);
      await clean.click('[data-testid=start]');
      expect(await waitForRunEnd(clean)).toBe('done');
      expect(resumed).toEqual(await architectures(clean));
      // A finished run leaves nothing to resume.
      await page.reload();
      await waitForBackend(page);
      await page.waitForTimeout(300);
      expect(await page.locator('[data-testid=interrupted]').count()).toBe(0);
      expect(errors).toEqual([]);
      await clean.close();
      await context.close();
    },
  );
});
