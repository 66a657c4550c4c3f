import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import './wasm-no-copy';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendPreference } from '../core/experiment';
import type { BackendName, BackendProbe, BackendReport, BackendTiming } from '../contracts/backend';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { name: 'webgpu', available: false, software: false, detail: 'this browser has no WebGPU' };
  try {
    const adapter = (await gpu.requestAdapter()) as unknown as AdapterLike | null;
    if (!adapter) return { name: 'webgpu', available: false, software: false, detail: 'no WebGPU adapter was offered' };
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
    const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader/i.test(name);
    return { name: 'webgpu', available: true, software, detail: software ? `software adapter (${name})` : name };
  } catch (e) {
    return { name: 'webgpu', available: false, software: false, detail: `adapter request failed: ${String(e)}` };
  }
}

function probeWebGl(): BackendProbe {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2');
    if (!gl) return { name: 'webgl', available: false, software: false, detail: 'no WebGL2 context' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    const software = /swiftshader|llvmpipe|software/i.test(renderer);
    return { name: 'webgl', available: true, software, detail: software ? `software renderer (${renderer})` : renderer };
  } catch (e) {
    return { name: 'webgl', available: false, software: false, detail: `WebGL2 failed: ${String(e)}` };
  }
}

function probeWasm(): BackendProbe {
  const threads = globalThis.crossOriginIsolated ? Math.min(navigator.hardwareConcurrency || 1, 4) : 1;
  return {
    name: 'wasm',
    available: typeof WebAssembly === 'object',
    software: false,
    detail: threads > 1 ? `${threads} threads` : 'single thread (page not cross-origin isolated)',
  };
}

export async function probeBackends(): Promise<BackendProbe[]> {
  return [await probeWebGpu(), probeWebGl(), probeWasm(), { name: 'cpu', available: true, software: false, detail: 'plain JavaScript' }];
}

/** How "automatic" times the candidates: `key` names what the timings depend on (the network, the batch). */
export interface BackendRace {
  key: string;
  race(names: BackendName[], use: (name: BackendName) => Promise<boolean>): Promise<{ rows: BackendTiming[]; cached: boolean }>;
}

/**
 * Picks the backend that is really fastest here, not merely the first that exists. Given a race,
 * "auto" times the experiment's own network on every backend that runs in hardware and takes the
 * fastest; without one (the page's first look, before an experiment is chosen) it takes the first
 * in a fixed order. A software WebGPU adapter or SwiftShader WebGL renderer is never raced: it
 * trains far slower than WASM and its kernels take seconds to compile. An explicit choice is
 * honoured when available; if it fails to start, the next one is tried and the report says why.
 */
export function chooseBackend(preference: BackendPreference, race?: BackendRace): Promise<BackendReport> {
  // One preparation at a time: a Start pressed while the page's own probe is still running once
  // raced it ("wasm failed to start", then a half-initialised backend). Later calls wait for the
  // one in flight, and reuse its result when it prepared what they ask for.
  const run = queue.then(async () => {
    const same = settled?.preference === preference && (!race || preference !== 'auto' || settled.key === race.key);
    if (same && settled && tf.getBackend() === settled.report.chosen) return settled.report;
    const report = await startBackend(preference, race);
    settled = { preference, key: race?.key ?? null, report };
    return report;
  });
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();
let settled: { preference: BackendPreference; key: string | null; report: BackendReport } | null = null;

async function useBackend(name: BackendName): Promise<boolean> {
  if (name === 'wasm') setThreadsCount(globalThis.crossOriginIsolated ? Math.min(navigator.hardwareConcurrency || 1, 4) : 1);
  if (!(await tf.setBackend(name))) return false;
  await tf.ready();
  return true;
}

const ms = (t: BackendTiming) => (t.msPerStep === null ? 'not timed' : `${t.msPerStep < 10 ? t.msPerStep.toFixed(1) : Math.round(t.msPerStep)} ms a step`);

async function startBackend(preference: BackendPreference, race?: BackendRace): Promise<BackendReport> {
  const found = await probeBackends();
  const byName = new Map(found.map((p) => [p.name, p]));
  const notes: string[] = [];
  let candidates: BackendName[];
  let measured: BackendTiming[] | undefined;
  let measuredCached = false;
  let unraced = false;
  if (preference === 'auto') {
    candidates = ORDER.filter((n) => byName.get(n)!.available && !byName.get(n)!.software);
    for (const n of ORDER) {
      const p = byName.get(n)!;
      if (n === candidates[0]) break;
      notes.push(p.available ? `${n} runs in software here, slower than WASM` : `${n} is unavailable`);
    }
    if (race && candidates.length > 1) {
      const { rows, cached } = await race.race(candidates, useBackend);
      if (rows.length) measured = [...rows].sort((a, b) => (a.msPerStep ?? Infinity) - (b.msPerStep ?? Infinity));
      else unraced = true;
      measuredCached = cached;
      const rank = new Map((measured ?? []).map((r, i) => [r.name, i]));
      candidates = [...candidates].sort((a, b) => (rank.get(a) ?? 99) - (rank.get(b) ?? 99));
    }
  } else {
    const start = ORDER.indexOf(preference);
    candidates = [preference, ...ORDER.slice(start + 1).filter((n) => n !== preference)];
  }
  for (const name of candidates) {
    const probe = byName.get(name)!;
    if (!probe.available) {
      notes.push(`${name} is unavailable (${probe.detail})`);
      continue;
    }
    try {
      if (await useBackend(name)) {
        const threads = name === 'wasm' ? ` with ${probe.detail}` : '';
        const timing = measured?.find((t) => t.name === name);
        const others = measured?.filter((t) => t.name !== name).map((t) => `${t.name.toUpperCase()} ${ms(t)}`) ?? [];
        const why =
          timing?.msPerStep != null
            ? `measured fastest here: ${ms(timing)} on this experiment's network${others.length ? ` (${others.join(', ')})` : ''}`
            : unraced
              ? 'first in hardware here (not timed: preparing this experiment’s data takes time, and Start would wait for it)'
              : 'the fastest here';
        const reason =
          preference === 'auto'
            ? `${why}${threads}${notes.length ? ` (${notes.join('; ')})` : ''}`
            : name === preference
              ? `as you chose${threads}`
              : `you chose ${preference}, but ${notes.join('; ')}`;
        return {
          found,
          chosen: name,
          preference,
          reason,
          fallback: preference !== 'auto' && name !== preference,
          ...(measured ? { measured, cached: measuredCached } : {}),
        };
      }
      notes.push(`${name} failed to start`);
    } catch (e) {
      notes.push(`${name} failed to start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`No tfjs backend could start: ${notes.join('; ')}`);
}
