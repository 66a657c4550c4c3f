import * as tf from '@tensorflow/tfjs-core';
import type { DeviceRow } from '../core/device-figures';
import { chooseBackend, probeBackends } from '../nn/backend-browser';
import { msPerStep } from '../nn/step-bench';

/** Steps timed after two of warm-up; a software GPU or plain JavaScript takes seconds a step, so it gets fewer. */
const STEPS = 20;
const SLOW_STEPS = 3;

/**
 * "Measure this device": the benchmark network's training step on every backend this browser
 * offers, software ones included (they are what a visitor without a GPU driver gets). The
 * backend in use is left to the next preparation to restore: it notices the switch.
 */
export async function measureDevice(onBackend?: (name: string) => void): Promise<DeviceRow[]> {
  const rows: DeviceRow[] = [];
  for (const probe of await probeBackends()) {
    const row = { backend: probe.name, detail: probe.detail.slice(0, 120), software: probe.software };
    if (!probe.available) {
      rows.push({ ...row, ms: null });
      continue;
    }
    onBackend?.(probe.name);
    try {
      const report = await chooseBackend(probe.name);
      if (report.chosen !== probe.name) throw new Error(report.reason);
      const n = probe.software || probe.name === 'cpu' ? SLOW_STEPS : STEPS;
      rows.push({ ...row, ms: await msPerStep(tf, n, 2) });
    } catch (e) {
      rows.push({ ...row, detail: `failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 120), ms: null });
    }
  }
  return rows;
}
