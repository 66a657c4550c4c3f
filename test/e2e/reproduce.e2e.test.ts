import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { architectures, waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

describe('one link, two runtimes', () => {
  it('gives the same architectures in the same order in the page and in the CLI on WASM', async () => {
    // Evolution with a small population, so later trials depend on the accuracies of earlier ones.
    const experiment = parseExperiment({
      dataset: 'digits',
      data: { maxExamples: 400 },
      space: 'chain',
      strategy: 'evolution',
      strategySettings: { evolution: { population: 3, sample: 2 } },
      budget: 7,
      training: { epochs: 1 },
      seed: 21,
      backend: 'wasm',
    });
    const link = encodeLink(experiment);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', '--link', link, '--json'], { encoding: 'utf8', timeout: 180_000 });
    expect(cli.status, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as { trials: Array<{ encoded: string }>; link: string };

    const page = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    // The CLI's link carries its result digest, so the page can say whether it reproduced it.
    await page.goto(`${env.url}${fromCli.link}`);
    await waitForBackend(page);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await page.textContent('[data-testid=backend]')).toMatch(/WASM/);

    const fromPage = await architectures(page);
    expect(fromPage).toEqual(fromCli.trials.map((t) => t.encoded));
    expect(fromPage.length).toBe(7);
    expect(await page.textContent('[data-testid=reproduction]')).toMatch(/Reproduced/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
