import type { BackendName, BackendTiming } from '../contracts/backend';
import type { Experiment } from '../core/experiment';
import type { NetworkAccess } from '../data/image-sets';
import { readPublicAsset } from '../data/node-assets';
import { fastest, raceBackends } from '../engine/backend-race';
import { useNodeBackend } from '../nn/backend-node';

/**
 * `--backend auto`: times a few training steps of the experiment's own network on Node's
 * hardware backends (WASM and plain-JavaScript CPU; WebGPU in Node here is a software Vulkan, so
 * it is chosen only by name) and keeps the fastest. Returns the backend and a line for the person.
 */
export async function autoNodeBackend(x: Experiment, deps: { net?: NetworkAccess }): Promise<{ backend: string; rows: BackendTiming[]; line: string }> {
  const names: BackendName[] = ['wasm', 'cpu'];
  const rows = await raceBackends(
    x,
    names,
    async (name) => {
      await useNodeBackend(name as 'wasm' | 'cpu');
      return true;
    },
    { readAsset: readPublicAsset, ...deps },
  );
  const best = fastest(rows);
  const backend = await useNodeBackend((best?.name ?? 'wasm') as 'wasm' | 'cpu');
  const shown = rows.map((r) => `${r.name.toUpperCase()} ${r.msPerStep === null ? `not timed (${r.note})` : `${r.msPerStep.toFixed(1)} ms a step`}`).join(', ');
  return { backend, rows, line: `backend: ${backend} — measured on this machine for this experiment's network: ${shown}\n` };
}
