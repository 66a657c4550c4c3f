/**
 * Every lesson's prepared experiment through the engine in Node (WASM), as the page runs it in its
 * worker: the time each takes, and the answer its reveal reads off the run. The page's times, in
 * Chromium, are printed by test/e2e/lessons.e2e.test.ts.
 *
 *   npm run bench:lessons [-- --only darts,latency]
 */
import { parseArgs } from 'node:util';
import type { StartInfo } from '../src/contracts/events';
import { LESSONS, lessonExperiment } from '../src/core/lessons/index';
import { readPublicAsset } from '../src/data/node-assets';
import { useNodeBackend } from '../src/nn/backend-node';
import { runSearch } from '../src/engine/search';

const { values } = parseArgs({ options: { only: { type: 'string', default: '' } } });
const only = values.only ? values.only.split(',') : null;
await useNodeBackend('wasm');

console.log('| lesson | trials | seconds (Node, WASM) | answer |');
console.log('|---|---:|---:|---|');
for (const lesson of LESSONS.filter((l) => !only || only.includes(l.id))) {
  const x = lessonExperiment(lesson);
  let info: StartInfo | null = null;
  const started = performance.now();
  const result = await runSearch(x, { readAsset: readPublicAsset, backend: x.evaluator === 'nb201' ? 'table' : 'wasm' }, (e) => {
    if (e.type === 'start') info = e.info;
  });
  const seconds = (performance.now() - started) / 1000;
  const reveal = lesson.reveal({
    trials: result.trials,
    best: result.best,
    spaceSize: (info as StartInfo | null)?.spaceSize ?? null,
    split: (info as StartInfo | null)?.dataset ?? null,
  });
  console.log(`| ${lesson.id} | ${result.trials.length} | ${seconds.toFixed(1)} | ${lesson.question.options[reveal.answer]} — ${reveal.text} |`);
}
