import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { openPlayground, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

/** The timings table of the backend badge, as the person reads it. */
async function timings(page: Page): Promise<{ caption: string; rows: Array<{ name: string; ms: number | null; chosen: boolean }> }> {
  await page.click('[data-testid=backend]');
  const table = page.locator('#backend-details [data-testid=backend-timings]');
  await table.waitFor();
  const caption = (await table.locator('caption').textContent())!;
  const rows = await table.locator('[data-testid=backend-timing-row]').evaluateAll((trs) =>
    trs.map((tr) => {
      const head = tr.querySelector('th')!.textContent!;
      const ms = tr.querySelector('td')!.textContent!.trim();
      return { name: head.replace('✓', '').trim().toLowerCase(), ms: ms === '—' ? null : Number(ms), chosen: head.includes('✓') };
    }),
  );
  await page.click('[data-testid=backend]');
  return { caption, rows };
}

describe('the automatic backend', () => {
  it("times this experiment's network on each hardware backend, trains on the fastest, shows the table, and keeps it for the next visit", async () => {
    const link = `${env.url}${encodeLink(parseExperiment({ dataset: 'spiral', data: { maxExamples: 120 }, budget: 2, training: { epochs: 1 }, seed: 4 }))}`;
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(link);
    const badge = await waitForBackend(page);
    const first = await timings(page);
    // Headless Chromium's WebGPU and WebGL run in software and are not raced; WASM and the CPU backend are.
    expect(first.rows.map((r) => r.name).sort()).toEqual(['cpu', 'wasm']);
    const timed = first.rows.filter((r) => r.ms !== null);
    expect(timed.length).toBeGreaterThan(0);
    const chosen = first.rows.find((r) => r.chosen)!;
    expect(chosen.name).toBe(badge.toLowerCase());
    expect(chosen.ms).toBe(Math.min(...timed.map((r) => r.ms!)));
    expect(first.caption).not.toMatch(/earlier/);

    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await expect.poll(() => page.locator('[data-testid=result-backend] summary').textContent()).toMatch(new RegExp(`Trained on ${badge}`));

    // The same device and network: the timings come from storage, not a second race.
    await page.reload();
    expect(await waitForBackend(page)).toBe(badge);
    const again = await timings(page);
    expect(again.caption).toMatch(/earlier/);
    expect(again.rows).toEqual(first.rows);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('measures this device on every backend, compares with the reference, and shares the figures by link (a broken one says so)', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.click('[data-testid=backend]');
    await page.click('[data-testid=measure-device-button]');
    const mine = page.locator('[data-testid=my-device]');
    await mine.waitFor({ timeout: 200_000 });
    const rows = await mine.locator('[data-testid=device-row]').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(rows.map((r) => r[0]!.split(' ')[0])).toEqual(['WEBGPU', 'WEBGL', 'WASM', 'CPU']);
    const wasm = rows.find((r) => r[0]!.startsWith('WASM'))!;
    expect(Number(wasm[1])).toBeGreaterThan(0);
    expect(wasm[2]).toMatch(/^[\d.]+× (faster|slower)$/);
    const link = await page.inputValue('[data-testid=device-link]');
    expect(link).toContain('device=');

    const other = await openPlayground(env.browser, link);
    const shared = other.page.locator('[data-testid=shared-device]');
    await shared.waitFor();
    const sharedRows = await shared
      .locator('[data-testid=device-row]')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(sharedRows).toEqual(rows);

    const broken = await openPlayground(env.browser, link.replace(/device=[^&#]*/, 'device=AAAA'));
    expect(await broken.page.textContent('[data-testid=measure-device] [role=alert]')).toMatch(/could not be read|not in the form/);
    expect([...errors, ...other.errors, ...broken.errors]).toEqual([]);
    await Promise.all([page.close(), other.page.close(), broken.page.close()]);
  }, 300_000);
});
