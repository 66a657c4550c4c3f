// Runs in Chromium for bench/train-step.ts: times the benchmark net on each backend the browser offers.
import * as tf from '@tensorflow/tfjs-core';
import { chooseBackend, probeBackends } from '../../src/nn/backend-browser';
import { msPerStep } from '../../src/nn/step-bench';
import { useStepKernels } from '../../src/nn/step-kernels';

interface Row {
  backend: string;
  detail: string;
  ms: number | null;
  error?: string;
}

async function run(): Promise<Row[]> {
  const params = new URLSearchParams(location.search);
  const steps = Number(params.get('steps') ?? 20);
  const rows: Row[] = [];
  for (const probe of await probeBackends()) {
    if (!probe.available) {
      rows.push({ backend: probe.name, detail: probe.detail, ms: null, error: 'unavailable' });
      continue;
    }
    try {
      const report = await chooseBackend(probe.name);
      if (report.chosen !== probe.name) throw new Error(report.reason);
      // Software GPUs take seconds a step: a few steps are enough to rank them.
      const n = probe.software || probe.name === 'cpu' ? Math.max(2, Math.floor(steps / 10)) : steps;
      // Batch norm's kernels of link version 5, then today's, one after the other.
      for (const kernels of ['v5', 'fast'] as const) {
        useStepKernels(kernels);
        rows.push({ backend: kernels === 'v5' ? `${probe.name} (v5)` : probe.name, detail: probe.detail, ms: await msPerStep(tf, n, 2) });
      }
      useStepKernels('fast');
    } catch (e) {
      rows.push({ backend: probe.name, detail: probe.detail, ms: null, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return rows;
}

run().then(
  (rows) => {
    (window as unknown as { benchResult: unknown }).benchResult = rows;
    document.getElementById('out')!.textContent = JSON.stringify(rows, null, 2);
  },
  (e: unknown) => {
    (window as unknown as { benchResult: unknown }).benchResult = { error: String(e) };
  },
);
