/**
 * The Class view's merge of 30 result links (NAS-Bench-201 table searches of 100 trials, four
 * strategies), timed two ways in one run: the pure merge and table check in Node, and in the built
 * page in Chromium, from the Merge click to 30 ranked rows with every claim checked (the first
 * time, when the data worker loads the table, and again). Also the length of a 100-trial result
 * link. `npm run bench:classroom`
 */
import { build } from 'vite';
import { mergeResults } from '../src/core/classroom/merge';
import { encodeResultLink } from '../src/core/classroom/result-link';
import { tableClaims, verifyClaims } from '../src/core/classroom/verify';
import { parseExperiment } from '../src/core/experiment';
import { Nb201Space } from '../src/core/space/nb201';
import { Nb201Table, type BENCHMARK_INFO } from '../src/data/nb201-table';
import { readPublicAsset } from '../src/data/node-assets';
import { runSearch } from '../src/engine/search';
import { launchBrowser, startPreview } from '../test/e2e/browser';

const STUDENTS = 30;
const STRATEGIES = ['random', 'evolution', 'tpe', 'reinforce'] as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const links: string[] = [];
for (let i = 0; i < STUDENTS; i++) {
  const x = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: STRATEGIES[i % 4], budget: 100, seed: i + 1 });
  const result = await runSearch(x, { readAsset: readPublicAsset, backend: 'table' }, () => undefined);
  const trials = result.trials.map((t) => ({ encoded: t.encoded, accuracy: t.accuracy }));
  links.push(`http://127.0.0.1:5173/${encodeResultLink(x, result.digest, trials, `Student ${i + 1}`)}`);
}
const lengths = links.map((l) => l.length - 'http://127.0.0.1:5173/'.length);
console.log(`result link of 100 trials: ${Math.min(...lengths)}–${Math.max(...lengths)} characters (the hash part; the page's address adds its own length)`);

const text = links.join('\n');
const mergeTimes: number[] = [];
for (let k = 0; k < 7; k++) {
  const t0 = performance.now();
  mergeResults(text);
  mergeTimes.push(performance.now() - t0);
}
const t0 = performance.now();
const table = Nb201Table.parse(await readPublicAsset('data/nb201.csv.gz'));
const loadMs = performance.now() - t0;
const merged = mergeResults(text);
const space = new Nb201Space();
const checkTimes: number[] = [];
for (let k = 0; k < 7; k++) {
  const t1 = performance.now();
  const claims = tableClaims(merged.entries);
  const answers = claims.map((c) => c.encoded.map((e) => table.get(space.decode(e), c.dataset as keyof typeof BENCHMARK_INFO).valid12));
  verifyClaims(merged.entries, claims, answers);
  checkTimes.push(performance.now() - t1);
}
console.log(`Node: merge ${ms(median(mergeTimes))} (median of 7), table check ${ms(median(checkTimes))}, table load ${ms(loadMs)} (once)`);

await build({ logLevel: 'warn' });
const server = await startPreview();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  await page.waitForFunction(() => (document.querySelector('[data-testid=backend]')?.textContent ?? '…').trim() !== '…', null, { timeout: 60_000 });
  await page.click('[data-testid=class-open]');
  await page.fill('[data-testid=class-input]', text);
  for (const label of ['first merge (the data worker loads the table)', 'second merge']) {
    // A string, not a function: tsx would wrap a named function in a helper the page lacks.
    const took = (await page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      document.querySelector('[data-testid=class-merge]').click();
      const poll = () => {
        const rows = document.querySelectorAll('[data-testid=class-row]');
        if (rows.length === ${STUDENTS} && !document.querySelector('[data-testid=class-row][data-check=checking]')) resolve(performance.now() - start);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    })`)) as number;
    console.log(`page: ${label}: ${ms(took)} from the click to ${STUDENTS} ranked rows, every claim checked`);
  }
} finally {
  await browser.close();
  await server.close();
}
