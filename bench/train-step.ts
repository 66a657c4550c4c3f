/**
 * ms per training step of one small CNN (src/nn/step-bench.ts) on every backend available: in Node
 * (cpu, wasm), in Chromium (each backend it offers), and in PyTorch on this CPU as the reference.
 * All figures come from one run, side by side, as ratios: these machines are shared and noisy.
 *
 * Batch norm's kernels before link version 6 (`v5`, src/nn/step-kernels.ts) and now (`fast`) alternate in
 * the same run. `--node-only` leaves Chromium out (it takes minutes on a busy machine).
 *
 *   npm run bench:train-step [-- --steps 30 --rounds 3 --node-only]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { createServer } from 'vite';
import { launchBrowser } from '../test/e2e/browser';
import { useNodeBackend } from '../src/nn/backend-node';
import { BENCH_BATCH, BENCH_NET, msPerStep } from '../src/nn/step-bench';
import { useStepKernels, type StepKernels } from '../src/nn/step-kernels';

const { values } = parseArgs({
  options: { steps: { type: 'string', default: '30' }, rounds: { type: 'string', default: '3' }, 'node-only': { type: 'boolean', default: false } },
});
const steps = Number(values.steps);

interface Row {
  where: string;
  backend: string;
  ms: number | null;
  note: string;
}
const rows: Row[] = [];

// Node: the step with batch norm's v5 kernels and now, alternating, best of `rounds` each (the
// machine is shared: other load only ever adds time).
const rounds = Number(values.rounds);
for (const backend of ['wasm', 'cpu'] as const) {
  await useNodeBackend(backend);
  const n = backend === 'cpu' ? Math.max(2, Math.floor(steps / 10)) : steps;
  const best: Record<StepKernels, number> = { v5: Infinity, fast: Infinity };
  for (let r = 0; r < rounds; r++) {
    for (const kernels of ['v5', 'fast'] as const) {
      useStepKernels(kernels);
      best[kernels] = Math.min(best[kernels], await msPerStep(tf as never, n));
    }
  }
  useStepKernels('fast');
  rows.push({ where: 'node', backend: `${backend} (v5)`, ms: best.v5, note: `${n} steps, best of ${rounds}, batch norm's kernels of link version 5` });
  rows.push({ where: 'node', backend, ms: best.fast, note: `${n} steps, best of ${rounds}` });
}

// Chromium, through the dev server (COOP/COEP on, so WASM has threads)
async function chromiumRows(): Promise<void> {
  const server = await createServer({ logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}bench/browser/train-step.html?steps=${steps}`);
    await page.waitForFunction(() => 'benchResult' in window, null, { timeout: 600_000 });
    const result = (await page.evaluate(() => (window as unknown as { benchResult: unknown }).benchResult)) as Array<{
      backend: string;
      detail: string;
      ms: number | null;
      error?: string;
    }>;
    for (const r of result) rows.push({ where: 'chromium', backend: r.backend, ms: r.ms, note: r.error ? `${r.error}` : r.detail });
  } finally {
    await browser.close();
    await server.close();
  }
}
if (!values['node-only']) await chromiumRows();

// PyTorch reference
const python = '/usr/bin/python3';
let torchMs: number | null = null;
if (existsSync(python)) {
  const runs = Array.from({ length: rounds }, () => spawnSync(python, ['bench/torch_step.py', String(Math.max(steps, 50))], { encoding: 'utf8' }));
  if (runs.every((out) => out.status === 0)) {
    const parsed = runs.map((out) => JSON.parse(out.stdout.trim().split('\n').pop()!) as { msPerStep: number; threads: number; version: string });
    torchMs = Math.min(...parsed.map((p) => p.msPerStep));
    rows.push({ where: 'pytorch', backend: 'cpu', ms: torchMs, note: `torch ${parsed[0]!.version}, ${parsed[0]!.threads} thread(s), best of ${rounds}` });
  } else {
    console.log(`PyTorch reference skipped: ${python} could not import torch (apt-get install python3-torch).`);
  }
} else {
  console.log('PyTorch reference skipped: /usr/bin/python3 is not installed.');
}

const fastest = Math.min(...rows.filter((r) => r.ms !== null && r.where !== 'pytorch' && !r.backend.endsWith('(v5)')).map((r) => r.ms!));
console.log(`\ntrain step of ${BENCH_NET} (+ global pool, linear), 16×16×1 input, batch ${BENCH_BATCH}; SGD with momentum\n`);
console.log(`${'where'.padEnd(9)}${'backend'.padEnd(12)}${'ms/step'.padStart(10)}${'× fastest tfjs'.padStart(16)}${'× PyTorch'.padStart(11)}  note`);
for (const r of rows) {
  const ms = r.ms === null ? '—' : r.ms.toFixed(1);
  const vsFastest = r.ms === null ? '—' : (r.ms / fastest).toFixed(2);
  const vsTorch = r.ms === null || torchMs === null ? '—' : (r.ms / torchMs).toFixed(2);
  console.log(`${r.where.padEnd(9)}${r.backend.padEnd(12)}${ms.padStart(10)}${vsFastest.padStart(16)}${vsTorch.padStart(11)}  ${r.note}`);
}
