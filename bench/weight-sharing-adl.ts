/**
 * (d) Auto-DeepLab's network-level search (Liu et al. 2019) on UCI digits (WASM): DARTS learns β
 * over the resolution trellis beside α over the block, first order; prints the path Viterbi
 * decodes and β's entropy after each epoch, the decoded network's accuracy (inherited weights, and
 * retrained from scratch on the held-out test split), and the cost of the search.
 *
 *   node --import tsx bench/weight-sharing-adl.ts [LAYERS LEVELS CHANNELS EPOCHS RETRAIN_EPOCHS ARCH_RATE]
 *
 * bench/weight-sharing.ts runs it as its part (d) with the defaults.
 */
import type { EngineEvent, SupernetInfo } from '../src/contracts/events';
import { parseExperiment } from '../src/core/experiment';
import { readPublicAsset } from '../src/data/node-assets';
import { runSearch } from '../src/engine/search';
import { useNodeBackend } from '../src/nn/backend-node';

export async function autoDeepLab(args: readonly number[] = []): Promise<void> {
  const [layers, levels, channels, epochs, retrainEpochs] = [args[0] || 4, args[1] || 3, args[2] || 8, args[3] || 6, args[4] || 10];
  const archLearningRate = args[5] || undefined;
  await useNodeBackend('wasm');
  const x = parseExperiment({
    dataset: 'digits',
    space: 'resolution',
    strategy: 'darts',
    seed: 1,
    spaceSettings: { resolution: { layers, levels, channels } },
    strategySettings: { oneShot: { epochs, retrain: true, ...(archLearningRate ? { archLearningRate } : {}) } },
    training: { epochs: retrainEpochs },
  });
  const entropy: Array<{ epoch: number; path: number[]; entropy: number }> = [];
  let supernet: SupernetInfo | null = null;
  const onEvent = (e: EngineEvent) => {
    if (e.type === 'alphas' && e.snapshot.beta && Number.isInteger(e.snapshot.epoch))
      entropy.push({ epoch: e.snapshot.epoch, path: e.snapshot.beta.path, entropy: e.snapshot.beta.entropy });
    if (e.type === 'supernet') supernet = e.info;
  };
  const started = performance.now();
  const result = await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, onEvent);
  const seconds = (performance.now() - started) / 1000;
  const derived = result.trials.filter((t) => t.origin.startsWith('derived from α'));
  const last = derived[derived.length - 1]!;
  const retrained = result.best!;
  const info = supernet as SupernetInfo | null;
  const pct = (v: number | undefined | null) => (v === undefined || v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  console.log(`\n(d) Auto-DeepLab: β over the resolution trellis with DARTS (first order), UCI digits, WASM`);
  console.log(
    `  trellis: ${layers} layers × ${levels} levels, ${channels} channels at full resolution; ${epochs} supernet epochs, α/β learning rate ${x.strategySettings.oneShot.archLearningRate}`,
  );
  console.log(`  epoch   decoded path (Viterbi over β)   β entropy (nats; uniform ${Math.log(3).toFixed(3)} inside, ${Math.log(2).toFixed(3)} at the ends)`);
  for (const e of entropy) console.log(`  ${String(e.epoch).padStart(5)}   ${e.path.join(' ').padEnd(30)}  ${e.entropy.toFixed(3)}`);
  console.log(`  decoded network: ${last.encoded}  (${last.params.toLocaleString('en')} params, ${last.flops.toLocaleString('en')} FLOPs)`);
  console.log(`  accuracy, inherited weights: validation ${pct(last.accuracy)} (the mixed supernet: ${pct(info?.supernetAccuracy)})`);
  console.log(`  accuracy, retrained from scratch (${retrainEpochs} epochs): validation ${pct(retrained.accuracy)}, test ${pct(retrained.testAccuracy)}`);
  console.log(
    `  cost: ${seconds.toFixed(1)} s in all (retraining included); supernet ${info?.params.toLocaleString('en') ?? '—'} weights, largest step ${info ? (info.peakStepBytes / 2 ** 20).toFixed(1) : '—'} MB of activations`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await autoDeepLab(process.argv.slice(2).map(Number));
