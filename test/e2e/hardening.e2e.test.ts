import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import type { Page } from 'playwright-core';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { architectures, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('a person in a hurry', () => {
  it('presses Start the moment it appears (three fresh pages): one backend preparation, and the run trains on WASM (the first to its end)', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors = watchErrors(page);
      await page.goto(env.url, { waitUntil: 'commit' });
      // No waiting for the backend badge: click as soon as the button can be clicked.
      await page.click('[data-testid=start]', { timeout: 30_000 });
      if (attempt === 0) {
        expect(await waitForRunEnd(page)).toBe('done');
      } else {
        // The hurried start is what these pages check: once a trial has trained, the rest of the run is the first page's.
        await expect.poll(() => page.locator('[data-testid=trial-row]').count(), { timeout: 120_000 }).toBeGreaterThan(0);
        await page.click('[data-testid=stop]');
        expect(await waitForRunEnd(page)).toBe('stopped');
      }
      expect((await page.textContent('[data-testid=backend]'))!.toLowerCase()).toMatch(/wasm|webassembly/);
      expect(await page.locator('[data-testid=trial-row]').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('loses no finished trial when the worker dies mid-trial, 8 times in a row, and resuming ends where an uninterrupted run does', async () => {
    const experiment = parseExperiment({ data: { maxExamples: 250 }, space: 'chain', strategy: 'evolution', budget: 80, training: { epochs: 1 }, seed: 5 });
    const link = `${env.url}${encodeLink(experiment)}`;
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(link);
    await page.click('[data-testid=start]');
    const rows = () => page.locator('[data-testid=trial-row]').count();
    let finished = 0;
    for (let kill = 0; kill < 8; kill++) {
      // Mid-trial: one more trial than before has finished, and the next is training.
      await expect.poll(rows, { timeout: 120_000 }).toBeGreaterThan(finished);
      finished = await rows();
      // While the run runs, nothing offers to resume it (an answer to an earlier check must not bring the offer back).
      expect(await page.locator('[data-testid=interrupted]').count()).toBe(0);
      await killSearchWorker(page);
      // Said, not hung: the run ends in an error that names the worker, and its trials stay on screen.
      await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.getAttribute('data-status') === 'error', null, { timeout: 30_000 });
      expect(await page.textContent('[data-testid=run-error]')).toMatch(/search worker stopped/);
      expect(await rows()).toBeGreaterThanOrEqual(finished);
      // A fresh worker offers the run it kept; resuming replays every finished trial first.
      await page.waitForSelector('[data-testid=resume-run]', { timeout: 60_000 });
      const kept = Number(/(\d+) trials? kept on this device/.exec((await page.textContent('[data-testid=interrupted]'))!)![1]);
      expect(kept).toBeGreaterThanOrEqual(finished);
      await page.click('[data-testid=resume-run]');
      finished = kept;
    }
    expect(await waitForRunEnd(page)).toBe('done');
    await expect.poll(rows).toBe(80);
    const resumed = await architectures(page);

    const clean = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await clean.goto(link);
    await waitForBackend(clean);
    await clean.click('[data-testid=start]');
    expect(await waitForRunEnd(clean)).toBe('done');
    expect(resumed).toEqual(await architectures(clean));
    // Killing the worker is the test's doing; what the page itself reported must be clean.
    expect(errors.filter((e) => !/search worker stopped/.test(e))).toEqual([]);
    await clean.close();
    await context.close();
    // Eighty trials killed eight times, then eighty more from scratch: longer than the default limit on two busy cores.
  }, 480_000);
});

describe('a slow data preview', () => {
  it('never makes Start wait: previews are read in a worker of their own', async () => {
    // Polynomial features of the breast-cancer table and 38 principal components: about 2 billion steps to preview (~7 s).
    const slow = parseExperiment({ dataset: 'breast_cancer', data: { features: { construct: 'polynomial', pca: 38 } } });
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(`${env.url}${encodeLink(slow)}`);
    await page.selectOption('[data-testid=dataset]', 'digits');
    await page.fill('[data-testid=budget]', '1');
    await page.press('[data-testid=budget]', 'Tab');
    await page.click('[data-testid=start]');
    await expect.poll(() => page.locator('[data-testid=trial-row]').count(), { timeout: 60_000 }).toBe(1);
    // The digits preview waits in the data worker behind the slow one; the search did not.
    expect(await page.locator('[data-testid=data-samples]').count()).toBe(0);
    await page.waitForSelector('[data-testid=data-samples]', { timeout: 60_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Ends the search worker the way a crash does: it stops, and says nothing. */
const killed = new WeakSet<object>();
async function killSearchWorker(page: Page): Promise<void> {
  // The worker that runs now: a killed one can stay in the page's list for a while after its successor starts.
  await expect.poll(() => page.workers().some((w) => /search\.worker/.test(w.url()) && !killed.has(w)), { timeout: 30_000 }).toBe(true);
  const worker = page.workers().find((w) => /search\.worker/.test(w.url()) && !killed.has(w));
  expect(worker, 'the search worker').toBeDefined();
  killed.add(worker!);
  const closed = new Promise<void>((done) => worker!.once('close', () => done()));
  // The evaluation's answer may never come back from a worker that closed itself: wait for the close, not for it.
  void worker!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
  await Promise.race([closed, new Promise<void>((done) => setTimeout(done, 10_000))]);
}
