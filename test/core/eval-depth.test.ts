import { describe, expect, it } from 'vitest';
import { deepen, depthPlan, evalDepthProblem } from '../../src/core/eval-depth';
import { experimentSpace, parseExperiment, type ExperimentInput } from '../../src/core/experiment';
import { layerGraph } from '../../src/core/net/index';
import { createRng } from '../../src/core/rng';

const input = { height: 8, width: 8, channels: 1 };

function sampled(settings: ExperimentInput) {
  const x = parseExperiment({ dataset: 'digits', ...settings });
  const genotype = experimentSpace(x).sample(createRng(7).fork('eval-depth-test'));
  return { x, genotype };
}

describe('retraining at evaluation depth', () => {
  it('stacks more cells of the same genotype in a cell space: parameters and layers grow as the setting says', () => {
    const { x, genotype } = sampled({ space: 'cell' });
    const plan = depthPlan(x, genotype);
    expect(plan.unit).toBe('cells');
    expect(plan.searched).toBe(5);
    // DARTS's ratio: N × 3.
    expect(plan.depth).toBe(11);
    expect(plan.epochs).toBe(3 * x.training.epochs);
    const shallow = deepen(x, genotype, plan.searched);
    const deep = deepen(x, genotype, plan.depth);
    const deeper = deepen(x, genotype, 20);
    expect(deep.depth).toBe(11);
    expect(deeper.depth).toBe(20);
    expect(deep.space.encode(deep.genotype)).toBe(experimentSpace(x).encode(genotype));
    const params = [shallow, deep, deeper].map((d) => d.space.cost(d.genotype, input, 10).params);
    expect(params[1]).toBeGreaterThan(params[0]! * 1.5);
    expect(params[2]).toBeGreaterThan(params[1]!);
    const layers = [shallow, deep, deeper].map((d) => layerGraph(d.space, d.genotype, input, 10).nodes.length);
    expect(layers[1]).toBeGreaterThan(layers[0]!);
    expect(layers[2]).toBeGreaterThan(layers[1]!);
  });

  it('repeats each chain layer, keeping its stride and skips on the first copy', () => {
    const { x, genotype } = sampled({ space: 'chain' });
    const plan = depthPlan(x, genotype);
    expect([plan.unit, plan.searched, plan.depth]).toEqual(['layers', 4, 8]);
    const deep = deepen(x, genotype, 12);
    expect(deep.depth).toBe(12);
    const layers = (deep.genotype as { layers: { stride: number; skips: number[] }[] }).layers;
    const searched = (genotype as { layers: { stride: number; skips: number[] }[] }).layers;
    expect(layers).toHaveLength(12);
    searched.forEach((l, j) => {
      expect(layers[3 * j]).toEqual({ ...l, skips: l.skips.map((s) => 3 * s) });
      expect(layers[3 * j + 1]).toMatchObject({ stride: 1, skips: [] });
    });
    expect(deep.space.cost(deep.genotype, input, 10).params).toBeGreaterThan(experimentSpace(x).cost(genotype, input, 10).params);
  });

  it('multiplies the MnasNet stages’ repeats, and the NAS-Bench-201 cells per stage', () => {
    const mnas = sampled({ space: 'mnas' });
    const plan = depthPlan(mnas.x, mnas.genotype);
    expect(plan.unit).toBe('blocks');
    expect(plan.depth).toBeGreaterThan(plan.searched);
    const deep = deepen(mnas.x, mnas.genotype, plan.depth);
    expect(deep.space.cost(deep.genotype, input, 10).params).toBeGreaterThan(experimentSpace(mnas.x).cost(mnas.genotype, input, 10).params);
    const nb = sampled({ space: 'nb201', evaluator: 'train' });
    expect(depthPlan(nb.x, nb.genotype)).toMatchObject({ unit: 'cells', searched: 3, depth: 15 });
    expect(deepen(nb.x, nb.genotype, 9).depth).toBe(9);
  });

  it('carries joint HPO’s hyperparameters to the retraining', () => {
    const { x, genotype } = sampled({ space: 'cell', hpo: { enabled: true } });
    const deep = deepen(x, genotype, 11);
    expect(deep.hp).toEqual((genotype as { hp: unknown }).hp);
    expect(deep.depth).toBe(11);
  });

  it('refuses a table lookup and a resolution path, saying why', () => {
    expect(evalDepthProblem(parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10' }))).toMatch(/table lookup/);
    expect(evalDepthProblem(parseExperiment({ dataset: 'digits', space: 'resolution' }))).toMatch(/no deeper form/);
    expect(evalDepthProblem(parseExperiment({ dataset: 'digits', space: 'cell' }))).toBeNull();
    expect(() => deepen(parseExperiment({ dataset: 'digits', space: 'cell' }), {}, 0)).toThrow(/not a positive number/);
  });
});
