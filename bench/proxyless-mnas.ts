/**
 * ProxylessNAS in its own setting (Cai et al. 2019), part (d) of bench/weight-sharing.ts: the
 * MnasNet-style space's supernet of MobileNetV2 blocks on UCI digits (WASM), searched without and
 * with the latency term. For each: the search's cost, the found network's latency measured on this
 * device (stand-alone, fastest of 27 runs) against the target and against the table's sum, its accuracy
 * with inherited weights and trained from scratch.
 *
 *   node --import tsx bench/proxyless-mnas.ts [EPOCHS] [LATENCY_WEIGHT]
 */
import type { AlphaSnapshot } from '../src/contracts/events';
import { createRng } from '../src/core/rng';
import { experimentSpace, parseExperiment } from '../src/core/experiment';
import { prepareData } from '../src/data/load';
import { readPublicAsset } from '../src/data/node-assets';
import { runSearch } from '../src/engine/search';
import { useNodeBackend } from '../src/nn/backend-node';
import { buildNetwork } from '../src/nn/build';
import { timeForward } from '../src/nn/latency';

export async function benchProxylessMnas(epochs: number, weight: number): Promise<void> {
  const backend = await useNodeBackend('wasm');
  console.log(
    `\n(d) ProxylessNAS on the MnasNet-style space (per-layer MBConv k3/5/7 × e3/6 or zero), UCI digits, ${backend}, ${epochs} supernet epochs, retrained 3 epochs`,
  );
  console.log(`  λ      search s  found network${' '.repeat(60)}table ms  measured ms  target ms  shared acc  retrained acc`);
  for (const latencyWeight of [0, weight]) {
    const x = parseExperiment({
      dataset: 'digits',
      space: 'mnas',
      strategy: 'proxyless',
      training: { epochs: 3 },
      strategySettings: { oneShot: { epochs, latencyWeight, retrain: true } },
    });
    let snapshot: AlphaSnapshot | undefined;
    const started = performance.now();
    const result = await runSearch(x, { readAsset: readPublicAsset, backend }, (e) => {
      if (e.type === 'alphas') snapshot = e.snapshot;
    });
    const seconds = (performance.now() - started) / 1000;
    const found = result.best!;
    const derivedTrial = result.trials[found.index - 1]!;
    const table = snapshot!.latency!;
    const byTable = table.fixed + snapshot!.chosen.reduce((s, ops, e) => s + table.ms[e]![ops[0]!]!, 0);
    const data = await prepareData(x, readPublicAsset);
    const net = buildNetwork(experimentSpace(x), found.genotype, data.input, data.classes, createRng('bench-latency'));
    // The same statistic as the table's: the fastest of 9 runs (after a warm-up), here the best of 3 such.
    const shape: [number, number, number, number] = [1, data.input.height, data.input.width, data.input.channels];
    let measured = Infinity;
    for (let r = 0; r < 3; r++) measured = Math.min(measured, await timeForward((t) => net.apply(t, false), shape, 9, 3, 'min'));
    net.ctx.dispose();
    console.log(
      `  ${String(latencyWeight).padEnd(6)}${seconds.toFixed(1).padStart(9)}  ${found.encoded.padEnd(73)}${byTable.toFixed(3).padStart(8)}${measured.toFixed(3).padStart(13)}${table.target.toFixed(3).padStart(11)}${(derivedTrial.accuracy * 100).toFixed(1).padStart(11)} %${(found.accuracy * 100).toFixed(1).padStart(13)} %`,
    );
  }
}

if (process.argv[1]?.endsWith('proxyless-mnas.ts')) await benchProxylessMnas(Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 2));
