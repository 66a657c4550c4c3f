import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('a person in a hurry', () => {
  it('presses Start the moment it appears (three fresh pages): one backend preparation, and the run completes on WASM', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors = watchErrors(page);
      await page.goto(env.url, { waitUntil: 'commit' });
      // No waiting for the backend badge: click as soon as the button can be clicked.
      await page.click('[data-testid=start]', { timeout: 30_000 });
      expect(await waitForRunEnd(page)).toBe('done');
      expect((await page.textContent('[data-testid=backend]'))!.toLowerCase()).toMatch(/wasm|webassembly/);
      expect(await page.locator('[data-testid=trial-row]').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
