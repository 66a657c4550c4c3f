/**
 * Does the page stay responsive? In the built page in Chromium, the main thread's long tasks
 * (PerformanceObserver 'longtask': any task over 50 ms) while four things run: the default search,
 * 1 000 NAS-Bench-201 table lookups, a comparison of four strategies on many seeds, and a DARTS
 * search (each watched two seconds past its end, when the end's own tasks run); the time from pressing Start to the first finished trial on the default experiment; and
 * the engine's tensors and heap before and after 200 trained trials and 1 000 table trials (in
 * Node, where the worker's engine runs the same code). One run, side by side.
 *
 *   npm run bench:responsiveness
 *   ONLY=lookups npm run bench:responsiveness   (the scenarios whose name contains it, no memory figures)
 *   BEFORE=/path/to/a/checkout npm run bench:responsiveness
 *
 * With BEFORE (another checkout of the project, its node_modules linked), that page is built and
 * served too, and every scenario runs on both pages one after the other, alternating which goes
 * first: on a busy machine only figures taken side by side compare.
 */
import { build, preview } from 'vite';
import * as tf from '@tensorflow/tfjs';
import type { Browser, Page } from 'playwright-core';
import { parseExperiment, type Experiment } from '../src/core/experiment';
import { encodeLink } from '../src/core/link';
import { readPublicAsset } from '../src/data/node-assets';
import { runSearch } from '../src/engine/search';
import { useNodeBackend } from '../src/nn/backend-node';
import { launchBrowser } from '../test/e2e/browser';

interface Scenario {
  name: string;
  experiment: Experiment;
  /** What the person does once the page shows the backend; resolves when the work is over. */
  act(page: Page): Promise<void>;
}

/** How long the page is watched after the work ends: its last tasks (the end-of-run flush and what it queued) come after the status says done. */
const SETTLE_MS = 2000;
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

/** Builds and serves the page of the checkout at `root` (its config reads files relative to the working directory). */
async function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const here = process.cwd();
  process.chdir(root);
  try {
    await build({ root, logLevel: 'warn' });
    const server = await preview({ root, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    return { url, close: () => server.close() };
  } finally {
    process.chdir(here);
  }
}

async function measure(browser: Browser, url: string, s: Scenario): Promise<{ seconds: number; tasks: number[]; firstTrial: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${url}${encodeLink(s.experiment)}`);
    await page.waitForFunction(() => (document.querySelector('[data-testid=backend]')?.textContent ?? '…').trim() !== '…', null, { timeout: 120_000 });
    // Loading the page is not what is measured: only the tasks while the work runs.
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    const started = performance.now();
    let firstTrial = NaN;
    const first =
      s.name === 'default search'
        ? page
            .waitForSelector('[data-testid=trial-row]', { timeout: 600_000 })
            .then(() => (firstTrial = (performance.now() - started) / 1000))
            .catch(() => undefined)
        : null;
    await s.act(page);
    await first;
    const seconds = (performance.now() - started) / 1000;
    // What the page does after the end (rows entering, the result link, the panels' last drawing) counts too.
    await page.waitForTimeout(SETTLE_MS);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { seconds, tasks, firstTrial };
  } finally {
    await context.close();
  }
}

const pages: Array<{ label: string; root: string }> = [{ label: process.env.BEFORE ? 'after' : '', root: process.cwd() }];
if (process.env.BEFORE) pages.unshift({ label: 'before', root: process.env.BEFORE });
const servers = [];
for (const p of pages) servers.push({ ...p, ...(await serve(p.root)) });
const browser = await launchBrowser();
const rows: string[] = [];
const firstTrial: string[] = [];
try {
  let turn = 0;
  for (const s of scenarios.filter((x) => !process.env.ONLY || x.name.includes(process.env.ONLY))) {
    const order = turn++ % 2 ? [...servers].reverse() : servers;
    const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
    for (const server of order) results.set(server.label, await measure(browser, server.url, s));
    for (const server of servers) {
      const { seconds, tasks, firstTrial: first } = results.get(server.label)!;
      const longest = tasks.length ? Math.max(...tasks) : 0;
      const name = server.label ? `${s.name}, ${server.label}` : s.name;
      rows.push(`${name.padEnd(60)}${seconds.toFixed(1).padStart(8)} s${String(tasks.length).padStart(8)}${longest.toFixed(0).padStart(10)} ms`);
      if (s.name === 'default search') firstTrial.push(`${first.toFixed(1)} s${server.label ? ` (${server.label})` : ''}`);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}

console.log(`\nmain-thread tasks over 50 ms in the built page (Chromium${process.env.BEFORE ? `; before: ${process.env.BEFORE}` : ''})\n`);
console.log(`${'while'.padEnd(60)}${'took'.padStart(10)}${'> 50 ms'.padStart(8)}${'longest'.padStart(13)}`);
for (const r of rows) console.log(r);
if (firstTrial.length) console.log(`\nStart → first finished trial, default experiment: ${firstTrial.join(', ')} (backend race and data included)`);

// Memory: the engine in Node, as it runs in the worker.
if (process.env.ONLY) process.exit(0);
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
