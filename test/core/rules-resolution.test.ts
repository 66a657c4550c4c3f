import { describe, expect, it } from 'vitest';
import { adjustFor } from '../../src/core/adjust';
import { parseExperiment } from '../../src/core/experiment';
import { problemsOf } from '../../src/core/rules';
import { ExperimentSchema } from '../../src/core/schema';
import * as v from 'valibot';

const raw = (input: unknown) => v.parse(ExperimentSchema, input);

describe('Auto-DeepLab on the resolution space: which weight sharing can run', () => {
  it('DARTS runs on the resolution space (first and second order)', () => {
    for (const order of [1, 2]) {
      const x = raw({ strategy: 'darts', space: 'resolution', strategySettings: { oneShot: { order } } });
      expect(problemsOf(x)).toEqual([]);
      expect(() => parseExperiment(x)).not.toThrow();
    }
  });

  it.each(['spos', 'enas', 'pdarts', 'proxyless'])('%s is refused on it, naming DARTS and the spaces that take it', (strategy) => {
    const problems = problemsOf(raw({ strategy, space: 'resolution' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('strategy');
    expect(problems[0]!.message).toMatch(/has no supernet of the Hierarchical \(resolution path\) space: only DARTS \(differentiable\) trains its supernet/);
    // ProxylessNAS has the MnasNet stages' supernet besides.
    const spaces = strategy === 'proxyless' ? 'cell, nb201 or mnas' : 'cell or nb201';
    expect(problems[0]!.advice).toBe(`Choose DARTS (differentiable) as the strategy, or the ${spaces} space.`);
  });

  it('scoring sampled paths with a shared supernet is refused on it too', () => {
    const problems = problemsOf(raw({ evaluator: 'supernet', space: 'resolution' }));
    expect(problems.map((p) => p.field)).toContain('strategy');
    expect(problems.find((p) => p.field === 'strategy')!.message).toMatch(
      /^Scoring with a shared supernet has no supernet of the Hierarchical \(resolution path\) space/,
    );
  });

  it('a space without any supernet lists the resolution space for DARTS, not for SPOS', () => {
    expect(problemsOf(raw({ strategy: 'darts', space: 'chain' }))[0]!.message).toMatch(/exists for the cell, nb201 and resolution spaces, not "chain"/);
    expect(problemsOf(raw({ strategy: 'spos', space: 'chain' }))[0]!.message).toMatch(/exists for the cell and nb201 spaces, not "chain"/);
  });
});

describe('Auto-DeepLab on the resolution space: the automatic moves', () => {
  it('choosing DARTS keeps the resolution space; choosing SPOS there moves to the preferred supernet space, and both can run', () => {
    const x = parseExperiment({ space: 'resolution' });
    const darts = adjustFor(x, { strategy: 'darts' });
    expect(darts.experiment.space).toBe('resolution');
    expect(problemsOf(darts.experiment)).toEqual([]);
    const spos = adjustFor(darts.experiment, { strategy: 'spos' });
    expect(spos.experiment.space).not.toBe('resolution');
    expect(spos.changed).toContain('space');
    expect(problemsOf(spos.experiment)).toEqual([]);
  });
});
