import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendPreference } from '../core/experiment';
import type { BackendName, BackendProbe, BackendReport } from '../contracts/backend';

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

/**
 * Picks the backend that is really fastest here, not merely the first that exists: a software
 * WebGPU adapter or a SwiftShader WebGL renderer trains slower than WASM, so "auto" skips them.
 * An explicit choice is honoured when available; if it fails to start, the next one is tried and
 * the report says why.
 */
export function chooseBackend(preference: BackendPreference): Promise<BackendReport> {
  // One preparation at a time: a Start pressed while the page's own probe is still running once
  // raced it ("wasm failed to start", then a half-initialised backend). Later calls wait for the
  // one in flight, and reuse its result when it prepared what they ask for.
  const run = queue.then(async () => {
    if (settled?.preference === preference && tf.getBackend() === settled.report.chosen) return settled.report;
    const report = await startBackend(preference);
    settled = { preference, report };
    return report;
  });
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();
let settled: { preference: BackendPreference; report: BackendReport } | null = null;

async function startBackend(preference: BackendPreference): Promise<BackendReport> {
  const found = await probeBackends();
  const byName = new Map(found.map((p) => [p.name, p]));
  const notes: string[] = [];
  let candidates: BackendName[];
  if (preference === 'auto') {
    candidates = ORDER.filter((n) => byName.get(n)!.available && !byName.get(n)!.software);
    for (const n of ORDER) {
      const p = byName.get(n)!;
      if (n === candidates[0]) break;
      notes.push(p.available ? `${n} runs in software here, slower than WASM` : `${n} is unavailable`);
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
    if (name === 'wasm') setThreadsCount(globalThis.crossOriginIsolated ? Math.min(navigator.hardwareConcurrency || 1, 4) : 1);
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        const threads = name === 'wasm' ? ` with ${probe.detail}` : '';
        const reason =
          preference === 'auto'
            ? `the fastest here${threads}${notes.length ? ` (${notes.join('; ')})` : ''}`
            : name === preference
              ? `as you chose${threads}`
              : `you chose ${preference}, but ${notes.join('; ')}`;
        return { found, chosen: name, preference, reason, fallback: preference !== 'auto' && name !== preference };
      }
      notes.push(`${name} failed to start`);
    } catch (e) {
      notes.push(`${name} failed to start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`No tfjs backend could start: ${notes.join('; ')}`);
}
