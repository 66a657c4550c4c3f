import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../src/core/experiment';
import { decodeLink } from '../../src/core/link';
import { problemsWith } from '../../src/core/rules';
import { createRng } from '../../src/core/rng';
import { seriousViolations } from './axe';
import { usePageEnvironment } from './environment';
import { openAdvanced, openPlayground, setNumber, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

/** The enabled options of a menu, as the page offers them now. */
const enabled = (page: Page, testid: string) =>
  page.$$eval(`[data-testid=${testid}] option`, (options) =>
    options.filter((o) => !(o as HTMLOptionElement).disabled).map((o) => (o as HTMLOptionElement).value),
  );
const disabled = (page: Page, testid: string) =>
  page.$$eval(`[data-testid=${testid}] option`, (options) =>
    options.filter((o) => (o as HTMLOptionElement).disabled).map((o) => (o as HTMLOptionElement).value),
  );

/** A small own table, as a person would bring one. */
const CSV = `x,y,z,kind\n${Array.from({ length: 90 }, (_, i) => `${(i % 3) + Math.sin(i)},${(i * 7) % 5},${Math.cos(i)},${['a', 'b', 'c'][i % 3]}`).join('\n')}\n`;

describe('every control', () => {
  it('after a run, takes every value of every menu and box without a page error', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    // Image sets download from the network, which the test machine has none of: refuse them at once.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await setNumber(page, 'budget', 2);
    await setNumber(page, 'epochs', 1);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await openAdvanced(page);
    let changes = 0;
    // Menus come and go as others change (the goal's cost appears with its goal), so each pass takes them afresh.
    for (let pass = 0; pass < 2; pass++) {
      const menus = await page.$$eval('#setup select[data-testid]', (s) => s.map((e) => e.getAttribute('data-testid')!));
      for (const menu of menus) {
        for (const value of await enabled(page, menu)) {
          const select = page.locator(`[data-testid=${menu}]`);
          // Your own data asks for a file (tested with the CSV below); the others apply at once.
          if (value === 'own' || !(await select.isVisible()) || (await select.isDisabled())) continue;
          if (!(await enabled(page, menu)).includes(value)) continue;
          await select.selectOption(value);
          changes += 1;
        }
      }
      for (const box of await page.locator('#setup input[type=checkbox]:enabled').all()) {
        if (!(await box.isVisible())) continue;
        await box.click();
        await box.click();
        changes += 2;
      }
    }
    console.log(`controls: ${changes} changes after a run`);
    expect(changes).toBeGreaterThan(60);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('what the controls allow, for each kind of data', () => {
  it('starts and finishes a seeded sample of the allowed space × strategy pairs, and disables exactly what the rule refuses', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    const rng = createRng('e2e-combinations');
    const ran: string[] = [];
    for (const kind of ['digits', 'iris', 'own'] as const) {
      // As a person would: back to settings every data set takes (a table takes only the chain space), then the data.
      await page.selectOption('[data-testid=evaluator]', 'train');
      await page.selectOption('[data-testid=strategy]', 'random');
      await page.selectOption('[data-testid=space]', 'chain');
      if (kind === 'own') {
        await page.setInputFiles('[data-testid=data-file]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
        await page.waitForSelector('[data-testid=label-column]');
      } else await page.selectOption('[data-testid=dataset]', kind);
      // The page's greyed-out spaces and strategies are the ones the core rule refuses, for these settings.
      const x = await currentExperiment(page);
      for (const menu of ['space', 'strategy'] as const) {
        const refused = [...(await disabled(page, menu))].sort();
        const byRule = (await page.$$eval(`[data-testid=${menu}] option`, (o) => o.map((e) => (e as HTMLOptionElement).value)))
          .filter((v) => v !== x[menu] && problemsWith(x, { [menu]: v }).length > 0)
          .sort();
        expect(refused, `${kind}: ${menu}`).toEqual(byRule);
      }
      const pairs: Array<[string, string]> = [];
      for (const space of await enabled(page, 'space')) {
        await page.selectOption('[data-testid=space]', space);
        for (const strategy of await enabled(page, 'strategy')) pairs.push([space, strategy]);
      }
      // Three pairs, of as many different spaces as the data allows.
      const spaces = rng.shuffle([...new Set(pairs.map(([space]) => space))]);
      const sample = Array.from({ length: 3 }, (_, k) => rng.pick(pairs.filter(([space]) => space === spaces[k % spaces.length])));
      for (const [space, strategy] of sample) {
        // Back to a strategy every space takes first: the last pair's (a weight-sharing one) may refuse this space.
        await page.selectOption('[data-testid=strategy]', 'random');
        await page.selectOption('[data-testid=space]', space);
        await page.selectOption('[data-testid=strategy]', strategy);
        if (await page.isEnabled('[data-testid=budget]')) await setNumber(page, 'budget', 1);
        if (await page.isEnabled('[data-testid=epochs]')) await setNumber(page, 'epochs', 1);
        if (await page.locator('[data-testid=one-shot-epochs]').count()) await setNumber(page, 'one-shot-epochs', 1);
        await openAdvanced(page);
        await page.selectOption('[data-testid=max-examples]', '250');
        await page.click('[data-testid=start]');
        expect(await waitForRunEnd(page), `${kind} × ${space} × ${strategy}`).toBe('done');
        expect(await page.locator('[data-testid=trial-row]').count()).toBeGreaterThanOrEqual(1);
        ran.push(`${kind} × ${space} × ${strategy}`);
      }
    }
    console.log(`combinations run in the page: ${ran.join('; ')}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The page's experiment, read back from its share link. */
async function currentExperiment(page: Page): Promise<Experiment> {
  return decodeLink(await page.inputValue('[data-testid=share-link]')).experiment;
}
