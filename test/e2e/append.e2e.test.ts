import { describe, expect, it } from 'vitest';
import { usePageEnvironment } from './environment';
import { openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

const rows = (count: number, from: number) =>
  Array.from({ length: count }, (_, k) => `${Math.sin(from + k).toFixed(4)},${(from + k) / 1000},${['a', 'b', 'c'][k % 3]}`).join('\n');

describe('data that keeps arriving, in the page', () => {
  it('adds a second CSV while the search runs: a refusal says what differs, the line says what was added, later trials show the new data version', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    await page.setInputFiles('[data-testid=data-file]', { name: 'first.csv', mimeType: 'text/csv', buffer: Buffer.from(`x,z,kind\n${rows(60, 0)}\n`) });
    await page.waitForFunction(() => /first\.csv/.test(document.querySelector('[data-testid=data-panel]')?.textContent ?? ''));
    await setNumber(page, 'budget', 4);
    await setNumber(page, 'epochs', 20);
    await page.click('[data-testid=start]');
    // Paused at once (a small table trains in moments): the file is added while the run waits, before it ends.
    await page.click('[data-testid=pause]');
    await page.waitForSelector('[data-testid=append-file]');

    await page.setInputFiles('[data-testid=append-file]', { name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('x,w,kind\n1,2,a\n3,4,b\n') });
    await page.waitForSelector('[data-testid=append-error]');
    expect(await page.textContent('[data-testid=append-error]')).toMatch(/other\.csv does not have the first file's columns: it lacks "z" and has "w"/);

    await page.setInputFiles('[data-testid=append-file]', { name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(`x,z,kind\n${rows(30, 1000)}\n`) });
    await page.waitForFunction(() => /more\.csv: added 30 rows \(now 90\)/.test(document.querySelector('[data-testid=append-line]')?.textContent ?? ''));
    expect(await page.textContent('[data-testid=append-line]')).toMatch(/cleaned with the first file's statistics/);
    await page.click('[data-testid=resume]');
    expect(await waitForRunEnd(page)).toBe('done');

    const versions = await page.$$eval('[data-testid=data-version]', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(versions).toHaveLength(4);
    expect(versions.at(-1)).toMatch(/^v1 · \d+/);
    expect(await page.textContent('[data-testid=append-split]')).toMatch(/Now \d+ training/);
    expect(await page.textContent('[data-testid=appended-note]')).toMatch(/cannot be reproduced from the link alone/);
    expect(errors).toEqual([]);
  });
});
