import { describe, expect, it } from 'vitest';
import { adjustFor } from '../../src/core/adjust';
import { parseExperiment } from '../../src/core/experiment';
import { problemsOf } from '../../src/core/rules';

describe('the moves a change brings', () => {
  const x = parseExperiment({ surrogate: { enabled: true } });

  it('moves space and dataset to the table when the NB201 lookup is chosen, and back to a trainable dataset after', () => {
    const { experiment, changed } = adjustFor(x, { evaluator: 'nb201', surrogate: { enabled: false } });
    expect(experiment.space).toBe('nb201');
    expect(experiment.dataset).toBe('cifar10');
    expect(changed.sort()).toEqual(['dataset', 'space']);
    expect(problemsOf(experiment)).toEqual([]);
    const back = adjustFor(experiment, { evaluator: 'train' });
    expect(back.experiment.dataset).toBe('digits');
    expect(back.changed).toEqual(['dataset']);
  });

  it('moves a weight-sharing choice to a space with a supernet, buildable, without per-candidate extras', () => {
    const darts = adjustFor(x, { strategy: 'darts' });
    expect(darts.experiment).toMatchObject({ space: 'nb201', surrogate: { enabled: false }, hpo: { enabled: false } });
    expect(darts.changed.sort()).toEqual(['space', 'surrogate.enabled']);
    const cells = parseExperiment({ space: 'cell', spaceSettings: { cell: { ops: 'nasnet', concat: 'unused' } } });
    expect(adjustFor(cells, { strategy: 'spos' }).experiment.spaceSettings.cell.ops).toBe('darts');
    const supernet = adjustFor(parseExperiment({ strategy: 'bohb' }), { evaluator: 'supernet' }).experiment;
    expect(supernet).toMatchObject({ space: 'nb201', strategy: 'evolution' });
    expect(problemsOf(supernet)).toEqual([]);
  });

  it('keeps NASNet cells outputting their unused nodes, and costs their targets', () => {
    const cell = parseExperiment({ space: 'cell' });
    expect(adjustFor(cell, { spaceSettings: { cell: { ops: 'nasnet' } } }).experiment.spaceSettings.cell.concat).toBe('unused');
    const mnas = adjustFor(x, { objective: { kind: 'mnas', cost: 'flops' } }).experiment.objective;
    expect(mnas.target).toBe(200e3);
    const lookup = parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10' });
    expect(adjustFor(lookup, { objective: { kind: 'mnas' } }).experiment.objective).toMatchObject({ cost: 'flops', target: 100e6 });
  });

  it('changes nothing else, and leaves its input alone', () => {
    const before = JSON.stringify(x);
    const { experiment, changed } = adjustFor(x, { budget: 40 });
    expect(changed).toEqual([]);
    expect(experiment.budget).toBe(40);
    expect(JSON.stringify(x)).toBe(before);
  });

  it('gives Hyperband and BOHB three rungs when chosen with fewer epochs than η, and says so', () => {
    const hb = adjustFor(parseExperiment({}), { strategy: 'hyperband' });
    expect(hb.experiment.training.epochs).toBe(9);
    expect(hb.changed).toEqual(['training.epochs']);
    // Already enough epochs for two rungs: nothing moves.
    expect(adjustFor(parseExperiment({ training: { epochs: 4 } }), { strategy: 'bohb' }).changed).toEqual([]);
  });

  it('brings the table lookup with a data set known only through the table', () => {
    const { experiment, changed } = adjustFor(parseExperiment({}), { dataset: 'cifar100' });
    expect(experiment).toMatchObject({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar100' });
    expect(changed.sort()).toEqual(['evaluator', 'space']);
    expect(problemsOf(experiment)).toEqual([]);
  });
});
