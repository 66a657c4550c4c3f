import { describe, expect, it } from 'vitest';
import { estimateComparison, estimateRetrain, estimateRun, fullTrials, type StepTiming } from '../../src/core/estimate';
import { parseExperiment } from '../../src/core/experiment';

const timing: StepTiming = {
  stepSeconds: 0.01,
  flops: 1e5,
  meanFlops: 1e5,
  buildSeconds: 0.05,
  trainExamples: 1440,
  valExamples: 360,
  testExamples: 0,
  dataSeconds: 0.2,
};

describe('time estimates from a measured step', () => {
  it('grows with the trials and the epochs, from the step, the steps per epoch and the build', () => {
    const x = parseExperiment({ budget: 10, training: { epochs: 2 } });
    const one = estimateRun(x, timing);
    // 45 steps an epoch, and the validation pass, a third of a step per batch of 32.
    const epoch = 45 * 0.01 + (12 * 0.01) / 3;
    expect(one.perTrial).toBeCloseTo(0.05 + 2 * epoch, 10);
    expect(one.seconds).toBeCloseTo(0.2 + 10 * one.perTrial, 10);
    expect(estimateRun(parseExperiment({ budget: 20, training: { epochs: 2 } }), timing).seconds - 0.2).toBeCloseTo(2 * (one.seconds - 0.2), 10);
    expect(estimateRun(parseExperiment({ budget: 10, training: { epochs: 4 } }), timing).perTrial).toBeGreaterThan(1.9 * one.perTrial);
  });

  it('scales the measured step by the space’s mean cost over the measured network’s, within bounds', () => {
    const x = parseExperiment({ budget: 10 });
    const heavier = estimateRun(x, { ...timing, meanFlops: 2e5 });
    expect(heavier.perTrial - 0.05).toBeCloseTo(2 * (estimateRun(x, timing).perTrial - 0.05), 10);
    expect(estimateRun(x, { ...timing, meanFlops: 1e9 }).perTrial).toBeLessThan(6 * estimateRun(x, timing).perTrial);
  });

  it('counts Hyperband’s low-fidelity trials as fractions, and the surrogate’s predicted ones as free', () => {
    const hb = parseExperiment({ strategy: 'hyperband', budget: 13, training: { epochs: 9 } });
    // One bracket of 9 at 1 epoch, 3 at 3 and 1 at 9: 27 epochs, three full trials.
    expect(fullTrials(hb)).toBeCloseTo(3, 10);
    expect(fullTrials(parseExperiment({ budget: 30, surrogate: { enabled: true, warmup: 10, trainEvery: 4 } }))).toBe(15);
  });

  it('says a table lookup takes about a second, and cannot say before a measurement', () => {
    const lookup = estimateRun(parseExperiment({ evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', budget: 1000 }), null);
    expect(lookup.seconds).toBeLessThan(2);
    expect(lookup.basis).toBe('table lookups');
    expect(estimateRun(parseExperiment({}), null).seconds).toBeNaN();
  });

  it('costs a supernet by its epochs, and a comparison as every strategy on every seed', () => {
    const darts = estimateRun(parseExperiment({ space: 'nb201', strategy: 'darts', strategySettings: { oneShot: { epochs: 4 } } }), timing);
    const spos = estimateRun(parseExperiment({ space: 'nb201', strategy: 'spos', strategySettings: { oneShot: { epochs: 4 } } }), timing);
    expect(darts.seconds).toBeGreaterThan(spos.seconds);
    const x = parseExperiment({ budget: 10 });
    const both = estimateComparison(x, ['random', 'evolution'], 3, timing);
    const single = estimateRun(x, timing).seconds - timing.dataSeconds;
    expect(both.seconds).toBeCloseTo(timing.dataSeconds + 6 * single, 8);
  });

  it('counts each scored path’s fine-tuning steps, one path a step', () => {
    const spos = (finetuneSteps: number) =>
      estimateRun(parseExperiment({ space: 'nb201', strategy: 'spos', budget: 20, strategySettings: { oneShot: { finetuneSteps } } }), timing).seconds;
    expect(spos(10) - spos(0)).toBeCloseTo(20 * 10 * timing.stepSeconds * 1.3, 8);
  });
});

describe('the time of a retraining at evaluation depth', () => {
  it('is one network trained for its epochs, its steps scaled by its FLOPs against the measured one', () => {
    const x = parseExperiment({ training: { epochs: 2, batchSize: 32 } });
    const t = { ...timing, testExamples: 320 };
    const base = estimateRetrain(x, t, t.flops, 1);
    // 45 steps, a validation pass of 12 batches and a test pass of 10, each batch a third of a step.
    expect(base.seconds).toBeCloseTo(t.dataSeconds + t.buildSeconds + 45 * 0.01 + (12 * 0.01) / 3 + (10 * 0.01) / 3, 8);
    const deeper = estimateRetrain(x, t, 3 * t.flops, 1);
    const longer = estimateRetrain(x, t, t.flops, 4);
    expect(deeper.seconds - t.dataSeconds - t.buildSeconds).toBeCloseTo(3 * (base.seconds - t.dataSeconds - t.buildSeconds), 8);
    expect(longer.seconds).toBeGreaterThan(3.5 * (base.seconds - t.dataSeconds - t.buildSeconds));
    expect(estimateRetrain(x, null, t.flops, 1).seconds).toBeNaN();
  });
});
