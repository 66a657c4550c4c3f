import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from '../../src/cli/args';
import { SETTING_FLAGS } from '../../src/cli/settings-flags';
import { DATASETS } from '../../src/core/dataset/index';
import { EVALUATORS } from '../../src/core/evaluator/index';
import { ONE_SHOT } from '../../src/core/one-shot/index';
import { SPACES } from '../../src/core/space/index';
import { STRATEGIES } from '../../src/core/strategy/index';

describe('command-line flags from the registries', () => {
  it('lists every data set, space, strategy and evaluator in --help, and every setting with its bounds', () => {
    for (const e of [...DATASETS, ...SPACES, ...STRATEGIES, ...ONE_SHOT, ...EVALUATORS])
      expect(USAGE).toMatch(new RegExp(`\\n\\s+${e.id}\\s+${e.title.replace(/[()+.]/g, '\\$&')}`));
    for (const f of SETTING_FLAGS) expect(USAGE).toContain(`--${f.flag}`);
    expect(USAGE).toMatch(/--chain-depth N\s+Layers, 1\.\.12 \[4\]/);
  });

  it("gives every entry's settings a flag, checked against the schema", () => {
    const { experiment } = parseCliArgs(['--chain-depth', '6', '--chain-widths', '4,8', '--evolution-population', '20', '--hyperband-eta', '4']);
    expect(experiment.spaceSettings.chain).toEqual({ depth: 6, widths: [4, 8] });
    expect(experiment.strategySettings.evolution.population).toBe(20);
    expect(experiment.strategySettings.hyperband.eta).toBe(4);
    expect(() => parseCliArgs(['--chain-depth', '13'])).toThrow(/--chain-depth must be a whole number from 1 to 12; got "13"/);
    expect(() => parseCliArgs(['--cell-ops', 'amoeba'])).toThrow(/--cell-ops must be one of darts, nasnet/);
    expect(() => parseCliArgs(['--reinforce-learning-rate', 'fast'])).toThrow(/must be a number from/);
  });

  it("sets the supernet evaluator's path sampling and recalibration batches, uniform and 8 unless asked", () => {
    const { experiment } = parseCliArgs(['--space', 'nb201', '--evaluator', 'supernet', '--sampling', 'fair', '--calibration-batches', '32']);
    expect(experiment.strategySettings.oneShot).toMatchObject({ sampling: 'fair', calibrationBatches: 32 });
    expect(parseCliArgs(['--space', 'nb201']).experiment.strategySettings.oneShot).toMatchObject({ sampling: 'uniform', calibrationBatches: 8 });
    expect(() => parseCliArgs(['--sampling', 'sandwich'])).toThrow(/--sampling must be one of uniform, fair/);
  });

  it('keeps the weight-sharing flags it had, and turns a default-on switch off with --no-', () => {
    const { experiment } = parseCliArgs([
      '--space',
      'nb201',
      '--strategy',
      'darts',
      '--order',
      '2',
      '--latency-weight',
      '0.5',
      '--retrain',
      '--no-recalibrate',
      '--epochs',
      '3',
    ]);
    expect(experiment.strategySettings.oneShot).toMatchObject({ order: 2, latencyWeight: 0.5, retrain: true, recalibrate: false, epochs: 3 });
  });

  it('makes the moves a chosen evaluator or strategy brings, unless a flag names the field', () => {
    expect(parseCliArgs(['--evaluator', 'nb201']).experiment).toMatchObject({ space: 'nb201', dataset: 'cifar10' });
    expect(parseCliArgs(['--evaluator', 'nb201', '--dataset', 'imagenet16']).experiment.dataset).toBe('imagenet16');
    expect(parseCliArgs(['--strategy', 'spos']).experiment.space).toBe('nb201');
    expect(() => parseCliArgs(['--strategy', 'spos', '--space', 'chain'])).toThrow(/cell and nb201/);
  });
});
