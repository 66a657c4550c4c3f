/**
 * Does the page stay responsive? In the built page in Chromium, the main thread's long tasks
 * (PerformanceObserver 'longtask': any task over 50 ms) while four things run: the default search,
 * 1 000 NAS-Bench-201 table lookups, a comparison of four strategies on many seeds, and a DARTS
 * search; the time from pressing Start to the first finished trial on the default experiment; and
 * the engine's tensors and heap before and after 200 trained trials and 1 000 table trials (in
 * Node, where the worker's engine runs the same code). One run, side by side.
 *
 *   npm run bench:responsiveness
 */
import { build } from 'vite';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { parseExperiment, type Experiment } from '../src/core/experiment';
import { encodeLink } from '../src/core/link';
import { readPublicAsset } from '../src/data/node-assets';
import { runSearch } from '../src/engine/search';
import { useNodeBackend } from '../src/nn/backend-node';
import { launchBrowser, startPreview } from '../test/e2e/browser';

interface Scenario {
  name: string;
  experiment: Experiment;
  /** What the person does once the page shows the backend; resolves when the work is over. */
  act(page: Page): Promise<void>;
}

const status = (page: Page) => page.getAttribute('[data-testid=status]', 'data-status');
async function runToEnd(page: Page): Promise<void> {
  await page.click('[data-testid=start]');
  await page.waitForFunction(
    () => ['done', 'stopped', 'error'].includes(document.querySelector('[data-testid=status]')?.getAttribute('data-status') ?? ''),
    null,
    {
      timeout: 600_000,
    },
  );
  if ((await status(page)) !== 'done') throw new Error(`the run ended ${await status(page)}`);
}

const scenarios: Scenario[] = [
  { name: 'default search', experiment: parseExperiment({}), act: runToEnd },
  { name: '1 000 table lookups', experiment: parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', budget: 1000 }), act: runToEnd },
  {
    name: 'comparison, 4 strategies × 10 seeds × 100 lookups',
    experiment: parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', budget: 100 }),
    act: async (page) => {
      await page.fill('[data-testid=compare-seeds]', '10');
      await page.press('[data-testid=compare-seeds]', 'Tab');
      await page.click('[data-testid=compare-start]');
      await page.waitForFunction(() => /(\d+) of \1 searches done/.test(document.querySelector('[data-testid=compare-progress]')?.textContent ?? ''), null, {
        timeout: 600_000,
      });
    },
  },
  {
    name: 'DARTS, 2 epochs on the digits',
    experiment: parseExperiment({ space: 'cell', strategy: 'darts', training: { epochs: 2 }, data: { maxExamples: 300 } }),
    act: runToEnd,
  },
];

await build({ logLevel: 'warn' });
const server = await startPreview();
const browser = await launchBrowser();
const rows: string[] = [];
let firstTrialSeconds = NaN;
try {
  for (const s of scenarios) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.url}${encodeLink(s.experiment)}`);
    await page.waitForFunction(() => (document.querySelector('[data-testid=backend]')?.textContent ?? '…').trim() !== '…', null, { timeout: 120_000 });
    // Loading the page is not what is measured: only the tasks while the work runs.
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    const started = performance.now();
    if (s.name === 'default search') {
      void page
        .waitForSelector('[data-testid=trial-row]', { timeout: 600_000 })
        .then(() => (firstTrialSeconds = (performance.now() - started) / 1000))
        .catch(() => undefined);
    }
    await s.act(page);
    const seconds = (performance.now() - started) / 1000;
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const longest = tasks.length ? Math.max(...tasks) : 0;
    rows.push(`${s.name.padEnd(52)}${seconds.toFixed(1).padStart(8)} s${String(tasks.length).padStart(8)}${longest.toFixed(0).padStart(10)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nmain-thread tasks over 50 ms in the built page (Chromium, ${server.url})\n`);
console.log(`${'while'.padEnd(52)}${'took'.padStart(10)}${'> 50 ms'.padStart(8)}${'longest'.padStart(13)}`);
for (const r of rows) console.log(r);
console.log(`\nStart → first finished trial, default experiment: ${firstTrialSeconds.toFixed(1)} s (backend race and data included)`);

// Memory: the engine in Node, as it runs in the worker.
await useNodeBackend('wasm');
const heap = () => process.memoryUsage().heapUsed / 2 ** 20;
async function memoryOver(x: Experiment, backend: string): Promise<string> {
  globalThis.gc?.();
  const before = { tensors: tf.memory().numTensors, heap: heap() };
  await runSearch(x, { readAsset: readPublicAsset, backend }, () => undefined);
  globalThis.gc?.();
  const after = { tensors: tf.memory().numTensors, heap: heap() };
  return `tensors ${before.tensors} → ${after.tensors}, heap ${before.heap.toFixed(0)} → ${after.heap.toFixed(0)} MB`;
}
const trained = parseExperiment({ dataset: 'spiral', data: { maxExamples: 200 }, space: 'chain', strategy: 'evolution', budget: 200, training: { epochs: 1 } });
console.log(`200 trained trials: ${await memoryOver(trained, 'wasm')}`);
console.log(`1 000 table trials: ${await memoryOver(scenarios[1]!.experiment, 'table')}`);
if (!globalThis.gc) console.log('(run with node --expose-gc for heap figures after a collection)');
