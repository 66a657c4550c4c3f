import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeResultLink, encodeResultLink } from '../../src/core/classroom/result-link';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { readPublicAsset } from '../../src/data/node-assets';
import { runSearch } from '../../src/engine/search';
import { seriousViolations } from './axe';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();
const STRATEGIES = ['random', 'evolution', 'tpe', 'reinforce'] as const;

/** A student's NAS-Bench-201 table search, run through the engine here in Node. */
async function studentRun(i: number) {
  const experiment = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: STRATEGIES[i % 4], budget: 40, seed: 100 + i });
  const result = await runSearch(experiment, { readAsset: readPublicAsset, backend: 'table' }, () => undefined);
  return { experiment, digest: result.digest, trials: result.trials.map((t) => ({ encoded: t.encoded, accuracy: t.accuracy })) };
}

async function insideViewport(page: Page, testid: string): Promise<void> {
  const box = await page.locator(`[data-testid=${testid}]`).boundingBox();
  expect(box, testid).not.toBeNull();
  expect(box!.x, testid).toBeGreaterThanOrEqual(0);
  expect(box!.y, testid).toBeGreaterThanOrEqual(0);
  expect(box!.width, testid).toBeGreaterThan(100);
  expect(box!.height, testid).toBeGreaterThan(60);
  expect(box!.x + box!.width, testid).toBeLessThanOrEqual(1280);
  expect(box!.y + box!.height, testid).toBeLessThanOrEqual(720);
}

describe('the classroom', () => {
  it('merges 30 result links into one Class view, flagging a tampered one and a duplicate', async () => {
    const runs = await Promise.all(Array.from({ length: 29 }, (_, i) => studentRun(i)));
    const links = runs.map((r, i) => `${env.url}${encodeResultLink(r.experiment, r.digest, r.trials, `Student ${i + 1}`)}`);
    // The tamperer raises one accuracy and hands in a link whose check value is made anew, so it parses.
    const t = runs[5]!;
    const raised = t.trials.map((trial, i) => (i === 7 ? { ...trial, accuracy: Math.fround(Math.min(1, trial.accuracy + 0.02)) } : trial));
    links[5] = `${env.url}${encodeResultLink(t.experiment, t.digest, raised, 'Student 6')}`;
    expect(decodeResultLink(links[5]).trials[7]!.accuracy).not.toBe(t.trials[7]!.accuracy);
    const pasted = [...links, links[12]!, 'http://example.org/#v=3&x=garbage&t=AA&k=00000000'];

    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    await page.click('[data-testid=class-open]');
    await page.fill('[data-testid=class-input]', pasted.join('\n'));
    await page.click('[data-testid=class-merge]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=class-row]').length === 30, null, { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=class-row][data-check=checking]'), null, { timeout: 60_000 });

    const rows = await page.$$eval('[data-testid=class-row]', (trs) =>
      trs.map((tr) => ({
        line: Number(tr.getAttribute('data-line')),
        check: tr.getAttribute('data-check'),
        duplicate: tr.getAttribute('data-duplicate'),
        best: tr.querySelector('td.num')?.textContent ?? '',
        text: tr.textContent ?? '',
      })),
    );
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.check === 'wrong').map((r) => r.line)).toEqual([6]);
    expect(rows.find((r) => r.line === 6)!.text).toMatch(/trial 8 says/);
    expect(rows.filter((r) => r.duplicate !== null).map((r) => [r.line, r.duplicate])).toEqual([[30, '13']]);
    expect(rows.filter((r) => r.check === 'holds')).toHaveLength(29);
    // Ranked by best accuracy, each as its own trials have it.
    const bests = rows.map((r) => Number.parseFloat(r.best));
    expect(bests.every((b) => b > 50 && b <= 100)).toBe(true);
    expect(bests).toEqual([...bests].sort((a, b) => b - a));
    expect(await page.locator('[data-testid=class-curve]').count()).toBe(30);
    expect(await page.textContent('[data-testid=class-spread]')).toMatch(/Regularised evolution/);
    expect(await page.textContent('[data-testid=class-unreadable]')).toMatch(/Line 31 .*cannot be read/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hands out a result link after a run, and presents graph, chart and explanation on one 1280 × 720 screen', async () => {
    const experiment = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: 'evolution', budget: 30, seed: 3 });
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(`${env.url}?present=1${encodeLink(experiment)}`);
    await waitForBackend(page);
    expect(await page.getAttribute('[data-testid=present]', 'aria-pressed')).toBe('true');
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');

    for (const testid of ['present-explanation', 'accuracy-chart', 'dag-current']) await insideViewport(page, testid);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(720);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await seriousViolations(page)).toEqual([]);

    await page.click('[data-testid=present]');
    expect(await page.evaluate(() => document.body.classList.contains('presenting'))).toBe(false);
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
    await page.fill('[data-testid=result-name]', 'Grace <b>');
    const handed = decodeResultLink(await page.inputValue('[data-testid=result-link]'));
    expect(handed.trials).toHaveLength(30);
    expect(handed.name).toBe('Grace b');
    expect(handed.matchesDigest).toBe(true);
    expect(handed.experiment).toEqual(experiment);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('re-runs a trained result from a text file of links and says it reproduced', async () => {
    const experiment = parseExperiment({
      dataset: 'digits',
      data: { maxExamples: 200 },
      space: 'chain',
      strategy: 'random',
      budget: 2,
      training: { epochs: 1 },
      seed: 4,
      backend: 'wasm',
    });
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(`${env.url}${encodeLink(experiment)}`);
    await waitForBackend(page);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    const link = await page.inputValue('[data-testid=result-link]');

    await page.click('[data-testid=class-open]');
    // One text file dropped on the field, another opened with the file button: both add their links.
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'links.txt', { type: 'text/plain' }));
      return dt;
    }, `${link}\n\n`);
    await page.dispatchEvent('[data-testid=class-input]', 'drop', { dataTransfer });
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('[data-testid=class-input]')?.value ?? '').includes('&t='));
    await page.setInputFiles('[data-testid=class-file]', { name: 'more.txt', mimeType: 'text/plain', buffer: Buffer.from('not a link\n') });
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('[data-testid=class-input]')?.value ?? '').includes('not a link'));
    await page.click('[data-testid=class-merge]');
    const row = page.locator('[data-testid=class-row]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-check')).toBe('unknown');
    expect(await page.textContent('[data-testid=class-unreadable]')).toMatch(/Line 2 \(not a link\): .*not a playground link/);
    await page.click('[data-testid=class-rerun]');
    await page.waitForFunction(() => document.querySelector('[data-testid=class-row]')?.getAttribute('data-check') === 'holds', null, { timeout: 120_000 });
    expect(await row.textContent()).toMatch(/reproduced/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
