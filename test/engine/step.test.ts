import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/contracts/events';
import { STEP_PHASES, type StepInfo } from '../../src/contracts/step';
import { parseExperiment, type ExperimentInput } from '../../src/core/experiment';
import { readPublicAsset } from '../../src/data/node-assets';
import { SearchControl } from '../../src/engine/control';
import { runSearch } from '../../src/engine/search';
import { on } from '../nn/helpers';

const TABLE = { evaluator: 'nb201', space: 'nb201', dataset: 'cifar10', budget: 14, seed: 11 } as const;

/** A search in step mode that presses Next as soon as each phase is announced, checking the search waits there first. */
async function stepped(input: ExperimentInput, backend = 'table') {
  const control = new SearchControl();
  const steps: StepInfo[] = [];
  const events: EngineEvent[] = [];
  const result = await runSearch(parseExperiment(input), { readAsset: readPublicAsset, backend, control, step: true }, (e) => {
    events.push(e);
    if (e.type !== 'step') return;
    steps.push(e.step);
    // Next, a moment later: the search must still be waiting for it.
    setTimeout(() => control.resume(), 0);
  });
  return { result, steps, events };
}

async function plain(input: ExperimentInput, backend = 'table') {
  const events: EngineEvent[] = [];
  const result = await runSearch(parseExperiment(input), { readAsset: readPublicAsset, backend }, (e) => events.push(e));
  return { result, events };
}

describe('step mode', () => {
  for (const strategy of ['evolution', 'reinforce', 'tpe', 'bananas', 'random'] as const) {
    it(`${strategy}: proposes exactly what the ordinary run proposes, pausing after each of the five phases of every trial`, async () => {
      const input = { ...TABLE, strategy, strategySettings: { evolution: { population: 4, sample: 2 }, tpe: { initial: 4 }, bananas: { initial: 4 } } };
      const step = await stepped(input);
      const ordinary = await plain(input);
      expect(step.result.trials.map((t) => [t.encoded, t.origin, t.reward])).toEqual(ordinary.result.trials.map((t) => [t.encoded, t.origin, t.reward]));
      expect(step.result.digest).toEqual(ordinary.result.digest);
      // The ordinary events are unchanged; step mode only adds its own.
      expect(step.events.filter((e) => e.type !== 'step')).toEqual(ordinary.events);
      expect(step.steps.map((s) => `${s.index}:${s.phase}`)).toEqual(step.result.trials.flatMap((t) => STEP_PHASES.map((p) => `${t.index}:${p}`)));
      for (const s of step.steps) {
        const trial = step.result.trials[s.index]!;
        expect(s.encoded).toBe(trial.encoded);
        if (s.phase === 'score' || s.phase === 'update') expect(s.reward).toBe(trial.reward);
        // BANANAS explains its pick; its update is only learning the result.
        const explained = strategy !== 'random' && (s.phase === 'propose' || (s.phase === 'update' && strategy !== 'bananas'));
        expect(s.view?.kind ?? null).toBe(explained ? strategy : null);
      }
    });
  }

  it('hyperband (trained, few epochs): the same trials, each training one step, and the rung it promotes to', async () => {
    await on('wasm');
    const input = {
      dataset: 'iris',
      space: 'chain',
      strategy: 'hyperband',
      budget: 5,
      seed: 2,
      training: { epochs: 3 },
      strategySettings: { hyperband: { eta: 3 } },
    } as const;
    const step = await stepped(input, 'wasm');
    const ordinary = await plain(input, 'wasm');
    expect(step.result.trials.map((t) => [t.encoded, t.origin, t.epochs])).toEqual(ordinary.result.trials.map((t) => [t.encoded, t.origin, t.epochs]));
    expect(step.steps.filter((s) => s.phase === 'train').map((s) => s.epochs)).toEqual(step.result.trials.map((t) => t.epochs));
    const updates = step.steps.filter((s) => s.phase === 'update').map((s) => s.view);
    expect(updates.every((v) => v?.kind === 'hyperband')).toBe(true);
    expect(updates.some((v) => v?.kind === 'hyperband' && v.promoted !== null)).toBe(true);
  });

  it('DARTS: one step per epoch with α per edge beside the epoch before, and the same α and trials as without', async () => {
    await on('wasm');
    const input = {
      dataset: 'digits',
      data: { maxExamples: 90 },
      space: 'nb201',
      spaceSettings: { nb201: { channels: 2 } },
      training: { batchSize: 32 },
      strategy: 'darts',
      strategySettings: { oneShot: { epochs: 3 } },
    } as const;
    const step = await stepped(input, 'wasm');
    const ordinary = await plain(input, 'wasm');
    expect(step.result.trials.map((t) => [t.encoded, t.accuracy])).toEqual(ordinary.result.trials.map((t) => [t.encoded, t.accuracy]));
    // The end of an epoch's α is the snapshot just before its supernet report (others come mid-epoch).
    const alphas = ordinary.events.flatMap((e, i) => {
      const before = ordinary.events[i - 1];
      return e.type === 'supernet' && before?.type === 'alphas' ? [before.snapshot] : [];
    });
    expect(step.steps.map((s) => s.phase)).toEqual(['epoch', 'epoch', 'epoch']);
    step.steps.forEach((s, i) => {
      if (s.view?.kind !== 'alpha') throw new Error('an epoch step shows α');
      expect(s.view.snapshot).toEqual(alphas[i]);
      expect(s.view.previous).toEqual(i ? alphas[i - 1] : null);
      expect(s.encoded).toBe(step.result.trials[i]!.encoded);
    });
  });

  it('waits at a phase until Next, and Stop ends it there', async () => {
    const control = new SearchControl();
    const steps: StepInfo[] = [];
    const pending = runSearch(parseExperiment(TABLE), { readAsset: readPublicAsset, backend: 'table', control, step: true }, (e) => {
      if (e.type === 'step') steps.push(e.step);
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(steps.map((s) => s.phase)).toEqual(['propose']);
    control.resume();
    await new Promise((r) => setTimeout(r, 50));
    expect(steps.map((s) => s.phase)).toEqual(['propose', 'build']);
    control.stop();
    const result = await pending;
    expect(result.stopped).toBe(true);
    expect(result.trials).toEqual([]);
  });
});
