import { beforeAll, describe, expect, it } from 'vitest';
import behaviour from '../fixtures/behaviour-before-registries.json';
import links from '../fixtures/links-before-registries.json';
import { fnv1a } from '../../src/core/digest';
import { experimentSpace, parseExperiment } from '../../src/core/experiment';
import { decodeLink } from '../../src/core/link';
import { readAsVersion } from '../../src/core/link-upgrade';
import { createRng } from '../../src/core/rng';
import { createStrategy, type StrategyId } from '../../src/core/strategy/index';
import { readPublicAsset } from '../../src/data/node-assets';
import { runSearch } from '../../src/engine/search';
import { useNodeBackend } from '../../src/nn/backend-node';

/**
 * What main did before the code was reorganised (registries, op tables, contracts), recorded by
 * running main itself: share links and the experiments they opened to, the architectures every
 * strategy proposes in every space, their costs, and short searches' trials. A refactor keeps
 * all of it; a deliberate change of behaviour updates the fixture in its own commit and says why.
 * The recorded experiments are read as a link of version 2 reads them: a setting added since takes
 * the value it had in effect then (no held-out test split), and a default changed since (the budget)
 * its value then, as for those links.
 */
const recorded = (raw: unknown) => readAsVersion((raw ?? {}) as Record<string, unknown>, 2);

describe('behaviour recorded before the reorganisation', () => {
  it.each(links.map((l, i) => [i, l] as const))('link %i opens to the same experiment and digest', (_i, saved) => {
    const opened = decodeLink(saved.link);
    expect(opened.experiment).toMatchObject(saved.experiment);
    expect(opened.digest).toEqual(saved.digest);
  });

  const variants: Record<string, unknown> = {
    chain: { space: 'chain' },
    cell: { space: 'cell' },
    nb201: { space: 'nb201' },
    mnas: { space: 'mnas' },
    resolution: { space: 'resolution' },
    'chain+hpo': { space: 'chain', hpo: { enabled: true } },
    'cell-nasnet': { space: 'cell', spaceSettings: { cell: { ops: 'nasnet', concat: 'unused', nodes: 5 } } },
  };

  it.each(Object.keys(behaviour.sequences))('%s proposes the same architectures in the same order', (key) => {
    const [variant, id] = key.split('/') as [string, StrategyId];
    const x = parseExperiment(recorded(variants[variant]));
    const strategy = createStrategy(id, experimentSpace(x), 5, x.strategySettings as never);
    const seen: string[] = [];
    for (let index = 0; index < 14; index++) {
      const p = strategy.ask();
      seen.push(`${p.encoded}@${p.fidelity ?? 1}`);
      // A reward that depends only on the architecture, so the strategies' learning is exercised too.
      strategy.tell({ index, genotype: p.genotype, encoded: p.encoded, reward: parseInt(fnv1a(p.encoded), 16) / 2 ** 32 });
    }
    const saved = behaviour.sequences[key as keyof typeof behaviour.sequences];
    expect(seen.slice(0, 2)).toEqual(saved.first);
    expect(fnv1a(seen.join('\n'))).toBe(saved.hash);
  });

  it.each(Object.keys(behaviour.costs))('%s samples and costs architectures as before', (variant) => {
    const space = experimentSpace(parseExperiment(recorded(variants[variant])));
    const rng = createRng('cost-snapshot');
    const shapes = [
      { height: 8, width: 8, channels: 1 },
      { height: 16, width: 16, channels: 3 },
    ];
    const now = Array.from({ length: 4 }, () => {
      const g = space.sample(rng);
      return { encoded: space.encode(g), cost: shapes.map((s) => (space.checkInput(s) ? null : space.cost(g, s, 10))), size: space.size() };
    });
    expect(now).toEqual(behaviour.costs[variant as keyof typeof behaviour.costs]);
  });

  describe('short searches give the same trials', () => {
    beforeAll(async () => {
      await useNodeBackend('wasm');
    });
    it.each(Object.keys(behaviour.runs))('%s', async (name) => {
      const saved = behaviour.runs[name as keyof typeof behaviour.runs] as { experiment: unknown; digest: unknown; trials: Array<[string, number]> };
      const x = parseExperiment(recorded(saved.experiment));
      const result = await runSearch(x, { readAsset: readPublicAsset, backend: x.evaluator === 'nb201' ? 'table' : 'wasm' }, () => undefined);
      expect(result.trials.map((t) => [t.encoded, Number(t.accuracy.toFixed(4))])).toEqual(saved.trials);
      expect(result.digest).toEqual(saved.digest);
    });
  });
});
