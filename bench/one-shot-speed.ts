/**
 * One-shot at classroom speed, side by side in one run (Node, WASM): the page's default DARTS and
 * P-DARTS experiments (what choosing the method on the default experiment gives: NAS-Bench-201
 * cells on the UCI digits) and DARTS on the DARTS cell space, each run three ways in turn:
 *
 *   before   every op of a mixed edge computes its own ReLU and pooling (`shareEdgeWork: false`, as links
 *            made before link version 5 run); α shown a quarter epoch in
 *   shared   the ops of the edges leaving a node share its ReLU and its poolings (src/nn/supernet/shared-edge.ts)
 *   + early  and α is also shown after weight steps 1, 2, 4, 8… of the first epoch (src/engine/one-shot/progress.ts)
 *
 * First one weight step of each supernet profiled kernel by kernel (bench/one-shot-profile.ts). For each run: seconds from Start to the first α snapshot, seconds per supernet epoch, the whole run,
 * and how far the last α and the returned genotype are from the `before` run's (they must agree).
 *
 *   npm run bench:one-shot [-- --epochs 1 --only darts,pdarts,cell --cell-examples 300 --repeat 1 --no-profile]
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import type { AlphaSnapshot, EngineEvent } from '../src/contracts/events';
import { adjustFor } from '../src/core/adjust';
import type { Experiment } from '../src/core/experiment';
import { ExperimentSchema } from '../src/core/schema';
import { readPublicAsset } from '../src/data/node-assets';
import { useEarlyAlpha } from '../src/engine/one-shot/progress';
import { runSearch } from '../src/engine/search';
import { useNodeBackend } from '../src/nn/backend-node';
import { profileDartsStep } from './one-shot-profile';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '1' },
    only: { type: 'string', default: 'darts,pdarts,cell' },
    'cell-examples': { type: 'string', default: '300' },
    repeat: { type: 'string', default: '1' },
    'no-profile': { type: 'boolean', default: false },
  },
});
const epochs = Number(values.epochs);
const repeat = Number(values.repeat);
await useNodeBackend('wasm');

const page = v.parse(ExperimentSchema, {});
const asPage = (strategy: 'darts' | 'pdarts', extra: object = {}): Experiment =>
  adjustFor(page, { strategy, strategySettings: { oneShot: { epochs } }, ...extra } as never).experiment;
const experiments: Record<string, { title: string; x: Experiment }> = {
  darts: { title: `the page's DARTS (NAS-Bench-201 cells, digits, ${epochs} epoch(s))`, x: asPage('darts') },
  pdarts: { title: `the page's P-DARTS (3 stages × ${epochs} epoch(s))`, x: asPage('pdarts') },
  cell: {
    title: `DARTS on the DARTS cell space (digits, ${Number(values['cell-examples']) || 'all'} examples, ${epochs} epoch(s))`,
    x: asPage('darts', { space: 'cell', data: { maxExamples: Number(values['cell-examples']) } }),
  },
};

interface Measured {
  firstAlpha: number;
  epochs: number[];
  total: number;
  last: AlphaSnapshot;
  returned: string;
}

async function measure(base: Experiment, shareEdgeWork: boolean): Promise<Measured> {
  const x = { ...base, strategySettings: { ...base.strategySettings, oneShot: { ...base.strategySettings.oneShot, shareEdgeWork } } };
  const started = performance.now();
  const at = () => (performance.now() - started) / 1000;
  let firstAlpha = NaN;
  let last: AlphaSnapshot | null = null;
  const ends: number[] = [];
  const emit = (e: EngineEvent) => {
    if (e.type === 'alphas') {
      if (Number.isNaN(firstAlpha)) firstAlpha = at();
      last = e.snapshot;
    }
    if (e.type === 'epoch') ends.push(at());
  };
  const result = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, emit);
  const total = at();
  return { firstAlpha, epochs: ends.map((t, i) => t - (i ? ends[i - 1]! : 0)), total, last: last!, returned: result.best!.encoded };
}

const WAYS = [
  { name: 'before', shared: false, early: false },
  { name: 'shared', shared: true, early: false },
  { name: 'shared + early α', shared: true, early: true },
];

if (!values['no-profile']) {
  await profileDartsStep("NAS-Bench-201 supernet (the page's DARTS)", experiments.darts!.x);
  await profileDartsStep('DARTS cell supernet', experiments.cell!.x, 1, 1);
}

const s = (t: number) => t.toFixed(1).padStart(6);
/** The median of a way's rounds (the rounds alternate ways, so a busy spell hits them alike). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
for (const id of values.only.split(',')) {
  const { title, x } = experiments[id]!;
  const runs: Measured[][] = WAYS.map(() => []);
  for (let r = 0; r < repeat; r++) {
    for (const [w, way] of WAYS.entries()) {
      useEarlyAlpha(way.early);
      runs[w]!.push(await measure(x, way.shared));
    }
  }
  console.log(`\n${title}${repeat > 1 ? `, median of ${repeat} alternating rounds` : ''}`);
  console.log(`${'way'.padEnd(18)} first α (s)  epochs (s)${' '.repeat(22)}whole (s)  max |Δp| vs before  same genotype`);
  const before = runs[0]![0]!;
  for (const [w, way] of WAYS.entries()) {
    const m = runs[w]!;
    const delta = Math.max(...m.flatMap((one) => one.last.probs.flatMap((row, e) => row.map((p, k) => Math.abs(p - before.last.probs[e]![k]!)))));
    const perEpoch = before.epochs.map((_, i) => median(m.map((one) => one.epochs[i]!)).toFixed(1)).join(' ');
    const same = m.every((one) => one.returned === before.returned);
    const first = median(m.map((one) => one.firstAlpha));
    const whole = median(m.map((one) => one.total));
    console.log(
      `${way.name.padEnd(18)} ${s(first)}       ${perEpoch.padEnd(32)} ${s(whole)}     ${delta.toExponential(1).padStart(8)}           ${same ? 'yes' : 'NO'}`,
    );
  }
}
useEarlyAlpha(true);
