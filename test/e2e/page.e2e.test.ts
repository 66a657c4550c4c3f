import { LINK_VERSION } from '../../src/core/link';
import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { openAdvanced, setNumber, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('the playground page', () => {
  it('runs a 3-trial search on digits, shows the trials, the best DAG and a share link that restores every control', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(env.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await waitForBackend(page);
    // The data panel shows the examples and the class balance of both splits.
    await page.waitForSelector('[data-testid=data-samples]');
    expect(await page.locator('[data-testid=class-balance] rect').count()).toBe(2 * 10);

    await page.selectOption('[data-testid=dataset]', 'digits');
    await page.selectOption('[data-testid=space]', 'nb201');
    await page.selectOption('[data-testid=strategy]', 'random');
    await setNumber(page, 'budget', 3);
    await setNumber(page, 'epochs', 1);
    await setNumber(page, 'seed', 12);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');

    await expect.poll(() => page.locator('[data-testid=trial-row]').count()).toBe(3);
    expect(await page.locator('[data-testid=dag] [data-testid=dag-node]').count()).toBeGreaterThanOrEqual(4);
    // The returned architecture is reported on the held-out test split, which the search never saw.
    expect(await page.textContent('[data-testid=held-out]')).toMatch(/on validation.*% on \d+ held-out test examples, which the search never saw/s);
    const link = await page.inputValue('[data-testid=share-link]');
    expect(link).toMatch(new RegExp(`#v=${LINK_VERSION}&x=.*&c=[0-9a-f]{8}$`));
    // The address follows the share link at most once a second.
    await expect.poll(() => new URL(page.url()).hash).toBe(new URL(link).hash);

    const fresh = await env.browser.newPage();
    const freshErrors = watchErrors(fresh);
    await fresh.goto(link);
    await waitForBackend(fresh);
    for (const [id, value] of [
      ['dataset', 'digits'],
      ['space', 'nb201'],
      ['strategy', 'random'],
      ['budget', '3'],
      ['epochs', '1'],
      ['seed', '12'],
    ]) {
      expect(await fresh.inputValue(`[data-testid=${id}]`), id).toBe(value);
    }
    expect(await fresh.textContent('body')).toMatch(/This link carries a result/);
    expect(errors).toEqual([]);
    expect(freshErrors).toEqual([]);
    await page.close();
    await fresh.close();
  });

  it('says clearly when a link is broken, and loads the defaults', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}#v=1&x=this-is-not-a-link`);
    await waitForBackend(page);
    expect(await page.textContent('[role=alert]')).toMatch(/link could not be opened/i);
    expect(await page.inputValue('[data-testid=dataset]')).toBe('digits');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops a run on request and keeps the finished trials', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.url);
    await waitForBackend(page);
    await page.selectOption('[data-testid=dataset]', 'spiral');
    await setNumber(page, 'budget', 200);
    await page.click('[data-testid=start]');
    await page.waitForSelector('[data-testid=trial-row]', { timeout: 60_000 });
    await page.click('[data-testid=stop]');
    expect(await waitForRunEnd(page, 60_000)).toBe('stopped');
    const rows = await page.locator('[data-testid=trial-row]').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(200);
    expect(await page.textContent('[data-testid=status]')).toMatch(/Stopped after/);
    await page.close();
  });
});

describe('cell space in the page', () => {
  it('draws a published cell, then searches the space and shows the depth gap', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    await page.selectOption('[data-testid=space]', 'cell');
    await page.selectOption('[data-testid=cell-preset]', 'darts-v2');
    // DARTS: two cells of 2 inputs + 4 nodes + output.
    expect(await page.locator('[data-testid=dag] [data-testid=dag-node]').count()).toBe(14);
    expect(await page.textContent('[data-testid=dag] ~ *, figure:has([data-testid=dag]) figcaption')).toMatch(/Liu et al\. 2019/);
    await setNumber(page, 'budget', 1);
    await setNumber(page, 'epochs', 1);
    await openAdvanced(page);
    await page.selectOption('[data-testid=max-examples]', '250');
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await page.locator('[data-testid=trial-row]').count()).toBe(1);
    expect(await page.textContent('[data-testid=depth-gap]')).toMatch(/as evaluated \(DARTS setting\)\s*20/);
    // The network view stacks the cells: stem, 3N + 2 = 5 cells, head.
    await page.click('[data-testid=dag-network]');
    expect(await page.locator('[data-testid=dag] [data-testid=dag-node]').count()).toBe(2 + 5 + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('your own data in the page', () => {
  it('reads a CSV in the worker, lets you pick the label, searches it, and refuses a broken file with a message', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(env.url);
    await waitForBackend(page);
    const rows = Array.from({ length: 60 }, (_, i) => `${(i % 3) + Math.sin(i)},${i % 2},${['a', 'b', 'c'][i % 3]}`);
    await page.setInputFiles('[data-testid=data-file]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(`x,z,kind\n${rows.join('\n')}\n`) });
    await page.waitForSelector('[data-testid=label-column]');
    expect(await page.inputValue('[data-testid=label-column]')).toBe('kind');
    await page.waitForFunction(() => /mine\.csv/.test(document.querySelector('[data-testid=data-panel]')?.textContent ?? ''));
    expect(await page.locator('[data-testid=class-balance] rect').count()).toBe(2 * 3);
    await setNumber(page, 'budget', 1);
    await setNumber(page, 'epochs', 2);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    // The link names the file and its hash, never its rows.
    const link = await page.inputValue('[data-testid=share-link]');
    const { decodeLink } = await import('../../src/core/link');
    const shared = decodeLink(link).experiment;
    expect(shared.dataset).toBe('own');
    expect(shared.data.file?.name).toBe('mine.csv');
    expect(JSON.stringify(shared)).not.toContain(rows[1]!.split(',')[0]);

    await page.setInputFiles('[data-testid=data-file]', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('x,kind\n1,a\n2\n') });
    await page.waitForSelector('[data-testid=error]');
    expect(await page.textContent('[data-testid=error]')).toMatch(/Row 3 of broken\.csv has 1 values/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
