import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { problemsOf, problemsWith } from '../../src/core/rules';
import { ExperimentSchema } from '../../src/core/schema';
import * as v from 'valibot';

/** An experiment that skips the combination rules, to ask them about it. */
const raw = (input: unknown) => v.parse(ExperimentSchema, input);

describe('which combinations can run', () => {
  it('names the field, says what is wrong and what to do', () => {
    const [p] = problemsOf(raw({ evaluator: 'nb201', space: 'chain', dataset: 'cifar10' }));
    expect(p).toEqual({
      field: 'space',
      message:
        'The NAS-Bench-201 lookup scores cells of the nb201 space on cifar10, cifar100, imagenet16; this experiment has space "chain" and dataset "cifar10".',
      advice: 'Choose the nb201 space and a benchmark dataset, or train from scratch.',
    });
  });

  it.each([
    [{ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', objective: { kind: 'mnas', cost: 'latency' } }, 'objective.cost', /no latency/],
    [{ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: 'bohb' }, 'strategy', /^BOHB starts candidates on a few epochs/],
    [{ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: 'hyperband' }, 'strategy', /^Hyperband starts/],
    [{ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', surrogate: { enabled: true } }, 'surrogate.enabled', /already free/],
    [{ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', hpo: { enabled: true } }, 'hpo.enabled', /one set of training hyperparameters/],
    [{ dataset: 'own' }, 'data.file', /needs your file/],
    [{ dataset: 'cifar100' }, 'dataset', /only through the NAS-Bench-201 table/],
    [
      { strategy: 'darts', space: 'hierarchical' },
      'space',
      /^DARTS \(differentiable\) shares weights in a supernet, which exists for the cell, nb201 and resolution spaces, not "hierarchical"/,
    ],
    [{ strategy: 'enas', space: 'nb201', evaluator: 'nb201', dataset: 'cifar10' }, 'evaluator', /trains a supernet on real examples/],
    [{ strategy: 'pdarts', space: 'cell', spaceSettings: { cell: { ops: 'nasnet' } } }, 'spaceSettings.cell.ops', /uses the DARTS op set/],
    [{ strategy: 'spos', space: 'nb201', hpo: { enabled: true } }, 'hpo.enabled', /shared weights/],
    [{ evaluator: 'supernet', space: 'chain' }, 'space', /^Scoring with a shared supernet shares weights/],
    [{ evaluator: 'supernet', space: 'nb201', strategy: 'bohb' }, 'strategy', /^BOHB trains candidates for more and more epochs/],
    [{ strategySettings: { evolution: { population: 3, sample: 5 } } }, 'strategySettings.evolution.sample', /larger than its population/],
    [
      { dataset: 'iris', space: 'cell' },
      'space',
      /^The Cells \(NASNet \/ DARTS\) space cannot run on Iris: it convolves and pools images, and Iris is a table \(each example is a row of numbers\)/,
    ],
    [{ dataset: 'spiral', space: 'nb201' }, 'space', /and Spiral is points in the plane/],
    [{ dataset: 'own', space: 'mnas', data: { file: { name: 'plants.csv', hash: '0badc0de', label: 'kind' } } }, 'space', /your file "plants\.csv" is a table/],
    [{ dataset: 'wine', space: 'nb201', strategy: 'darts' }, 'space', /Wine is a table/],
    [{ dataset: 'mnist', space: 'resolution' }, 'space', /cannot run on MNIST \(28 × 28\): its ladder goes down to 1\/8/],
    [{ dataset: 'digits', space: 'resolution', data: { resolution: 0.5 } }, 'space', /cannot run on UCI digits \(4 × 4\)/],
  ])('refuses %j', (input, field, message) => {
    const [p] = problemsOf(raw(input));
    expect(p?.field).toBe(field);
    expect(p?.message).toMatch(message);
    // parseExperiment throws the first problem, as an invalid-config error carrying its advice.
    let thrown: unknown;
    try {
      parseExperiment(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PlaygroundError);
    expect((thrown as PlaygroundError).code).toBe('invalid-config');
    expect((thrown as PlaygroundError).message).toBe(p!.message);
    expect((thrown as PlaygroundError).hint).toBe(p!.advice);
  });

  it('finds nothing wrong with the defaults, nor with each strategy where it belongs', () => {
    expect(problemsOf(raw({}))).toEqual([]);
    expect(problemsOf(raw({ strategy: 'darts', space: 'nb201' }))).toEqual([]);
    expect(problemsOf(raw({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', strategy: 'tpe' }))).toEqual([]);
  });

  it('lists every problem, the most basic first', () => {
    const all = problemsOf(
      raw({
        evaluator: 'nb201',
        space: 'chain',
        dataset: 'digits',
        surrogate: { enabled: true },
        hpo: { enabled: true },
        strategySettings: { evolution: { sample: 20 } },
      }),
    );
    expect(all.map((p) => p.field)).toEqual(['space', 'surrogate.enabled', 'hpo.enabled', 'strategySettings.evolution.sample']);
  });

  describe('about a value not chosen yet', () => {
    const x = parseExperiment({});
    it('says why an option would not run, after the moves choosing it brings', () => {
      // Choosing DARTS moves a chain search to a space with a supernet: it would run.
      expect(problemsWith(x, { strategy: 'darts' })).toEqual([]);
      // Choosing the table moves space and dataset to the table's: it would run.
      expect(problemsWith(x, { evaluator: 'nb201' })).toEqual([]);
      const lookup = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10' });
      expect(problemsWith(lookup, { strategy: 'darts' })[0]?.field).toBe('evaluator');
      expect(problemsWith(lookup, { strategy: 'hyperband' })[0]?.message).toMatch(/^Hyperband starts/);
      expect(problemsWith(lookup, { dataset: 'iris' })[0]?.message).toMatch(/dataset "iris"/);
      expect(problemsWith(x, { dataset: 'iris' })).toEqual([]);
      // A table takes the chain space only (an MLP), whatever the strategy would move it to.
      const iris = parseExperiment({ dataset: 'iris' });
      expect(problemsWith(iris, { space: 'cell' })[0]?.message).toMatch(/Iris is a table/);
      expect(problemsWith(iris, { strategy: 'spos' })[0]?.message).toMatch(/Iris is a table/);
      expect(problemsWith(iris, { evaluator: 'supernet' })[0]?.message).toMatch(/Iris is a table/);
      expect(problemsWith(iris, { strategy: 'tpe' })).toEqual([]);
      // A zip of class folders is images (of a size known only once read): every space may try it.
      expect(problemsWith(parseExperiment({}), { space: 'cell', dataset: 'own', data: { file: { name: 'pets.zip', hash: '0badc0de' } } })).toEqual([]);
    });

    it('reports a value outside the schema as a problem of its field', () => {
      const [p] = problemsWith(x, { spaceSettings: { chain: { depth: 13 } } });
      expect(p?.field).toBe('spaceSettings.chain.depth');
      expect(p?.message).toMatch(/spaceSettings\.chain\.depth/);
    });

    it('leaves the experiment asked about as it was', () => {
      const before = JSON.stringify(x);
      problemsWith(x, { evaluator: 'supernet', strategy: 'bohb' });
      expect(JSON.stringify(x)).toBe(before);
    });
  });
});
