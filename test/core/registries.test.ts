import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/core/dataset/index';
import { EVALUATORS } from '../../src/core/evaluator/index';
import { methodEntry, returnsLatest } from '../../src/core/methods';
import { ONE_SHOT } from '../../src/core/one-shot/index';
import { createSpace, SPACES } from '../../src/core/space/index';
import { CHAIN_SETTINGS, ChainSpace } from '../../src/core/space/chain';
import { Nb201Space } from '../../src/core/space/nb201';
import { EVOLUTION_SETTINGS, RegularizedEvolution } from '../../src/core/strategy/evolution';
import { createStrategy, STRATEGIES } from '../../src/core/strategy/index';

const registries = { DATASETS, EVALUATORS, ONE_SHOT, SPACES, STRATEGIES } as const;

describe('registries', () => {
  it.each(Object.entries(registries))('%s: unique ids, each with a title and a blurb', (_name, entries) => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.title.length, e.id).toBeGreaterThan(2);
      expect(e.blurb.length, e.id).toBeGreaterThan(20);
    }
  });

  it('keeps strategy and weight-sharing ids apart, so one menu holds both', () => {
    const ids = [...STRATEGIES, ...ONE_SHOT].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("builds every space and strategy from its entry, the classes reading their defaults from the entry's schema", () => {
    for (const entry of SPACES) {
      const space = createSpace(entry.id);
      expect(space.id).toBe(entry.id);
      expect(space.title).toBe(entry.title);
    }
    const space = new Nb201Space();
    for (const entry of STRATEGIES) expect(createStrategy(entry.id, space, 1).id).toBe(entry.id);
    const evolution = new RegularizedEvolution(space, 1) as unknown as { settings: object };
    expect(evolution.settings).toEqual(v.parse(EVOLUTION_SETTINGS, {}));
    expect(new ChainSpace().settings).toEqual(v.parse(CHAIN_SETTINGS, {}));
  });

  it('spaces accept exactly what the schema accepts (a link that opens also builds)', () => {
    expect(new ChainSpace({ depth: 12 }).settings.depth).toBe(12);
    expect(() => new ChainSpace({ depth: 13 })).toThrow(/depth/);
    expect(new Nb201Space({ cellsPerStage: 5 }).settings.cellsPerStage).toBe(5);
    expect(() => new Nb201Space({ cellsPerStage: 6 })).toThrow(/cellsPerStage/);
  });

  it('answers traits instead of lists of ids', () => {
    expect(STRATEGIES.filter((s) => s.multiFidelity).map((s) => s.id)).toEqual(['hyperband', 'bohb']);
    expect(ONE_SHOT.filter((m) => m.ranksPaths).map((m) => m.id)).toEqual(['spos', 'enas']);
    expect(ONE_SHOT.filter((m) => m.readsAlpha).map((m) => m.id)).toEqual(['darts', 'pdarts', 'proxyless']);
    expect(SPACES.filter((s) => 'supernet' in s).map((s) => s.id)).toEqual(['cell', 'nb201', 'mnas', 'resolution']);
    expect(DATASETS.filter((d) => d.kind === 'benchmark').map((d) => d.id)).toEqual(['cifar10', 'cifar100', 'imagenet16']);
    expect(returnsLatest('darts')).toBe(true);
    expect(returnsLatest('evolution')).toBe(false);
    expect(methodEntry('spos').hasSupernet).toBe(true);
    expect(methodEntry('tpe').hasSupernet).toBe(false);
  });
});
