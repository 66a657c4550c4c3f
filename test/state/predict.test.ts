import { describe, expect, it } from 'vitest';
import { STEP_PHASES, type StepInfo } from '../../src/contracts/step';
import type { EvolutionView } from '../../src/core/strategy/explain';
import { answersOf, leaders, nextQuestion } from '../../src/state/predict';
import type { AlphaSnapshot } from '../../src/contracts/events';
import { phaseText } from '../../src/state/step-words';

const decisions = [
  { name: 'edge 0→1', options: ['none', 'skip', 'conv 3×3'] },
  { name: 'edge 0→2', options: ['none', 'skip', 'conv 3×3'] },
];

function step(phase: StepInfo['phase'], index: number, extra: Partial<StepInfo> = {}): StepInfo {
  return { phase, index, encoded: 'x', origin: 'random', choices: [2, 1], decisions, view: null, ...extra };
}

const evolution = (population: number, size: number, mutated: number[] = []): EvolutionView => ({
  kind: 'evolution',
  population: Array.from({ length: population }, (_, i) => ({ index: i, encoded: `g${i}`, reward: i / 10 })),
  size,
  sample: [],
  parent: null,
  mutated: mutated.map((d) => ({ decision: d, name: decisions[d]!.name, from: 'none', to: 'skip' })),
  retired: null,
});

describe('predict the next move', () => {
  it('asks only while the search waits after an update, about the proposal to come', () => {
    for (const phase of STEP_PHASES) expect(nextQuestion(step(phase, 0), 'TPE') !== null).toBe(phase === 'update');
  });

  it('asks which option for a different decision each trial, answered by the next proposal’s choice', () => {
    const q0 = nextQuestion(step('update', 0), 'TPE')!;
    const q1 = nextQuestion(step('update', 1), 'TPE')!;
    expect([q0.kind, q0.decision, q1.decision]).toEqual(['option', 1, 0]);
    expect(q0.answers).toEqual(decisions[1]!.options);
    expect(answersOf(q0, step('propose', 1, { choices: [0, 2] }))).toEqual([2]);
    expect(answersOf(q1, step('propose', 2, { choices: [0, 2] }))).toEqual([0]);
  });

  it('asks evolution which decision it mutates once its population is full, answered by the mutated decisions', () => {
    const filling = nextQuestion(step('update', 0, { view: evolution(1, 2) }), 'Evolution')!;
    expect(filling.kind).toBe('option');
    const full = nextQuestion(step('update', 1, { view: evolution(2, 2) }), 'Evolution')!;
    expect(full.kind).toBe('decision');
    expect(full.answers).toEqual(decisions.map((d) => d.name));
    expect(answersOf(full, step('propose', 2, { view: evolution(2, 2, [1]) }))).toEqual([1]);
  });

  it('says each phase in words, with the trial it is about', () => {
    const texts = STEP_PHASES.map((p) => phaseText(step(p, 4, { accuracy: 0.5, reward: 0.5, epochs: 3 }), 'TPE'));
    texts.forEach((t, i) => expect(t).toMatch(new RegExp(`^${i + 1} · `)));
    for (const t of texts) expect(t).toContain('trial 5');
    expect(texts[2]).toContain('3 epochs');
    expect(phaseText(step('train', 0, { epochs: 0 }), 'TPE')).toMatch(/table/);
  });

  it('asks a weight-sharing search which op leads an edge after the next epoch, answered by that epoch’s α', () => {
    const snapshot = (probs: number[][]): AlphaSnapshot => ({
      epoch: 1,
      stage: 0,
      kind: 'alpha',
      ops: ['none', 'skip', 'conv'],
      edges: [
        { group: 'cell', label: '0→1' },
        { group: 'cell', label: '0→2' },
      ],
      probs,
      allowed: probs.map((r) => r.map(() => true)),
      parameterFree: [true, true, false],
      parameterFreeShare: 0.5,
      derived: 'x',
      chosen: [],
      derivedParameterFree: 0.5,
    });
    const epoch = (index: number, probs: number[][]) =>
      step('epoch', index, { choices: [], decisions: [], view: { kind: 'alpha', snapshot: snapshot(probs), previous: null } });
    const q = nextQuestion(
      epoch(0, [
        [0.2, 0.3, 0.5],
        [0.4, 0.4, 0.2],
      ]),
      'DARTS',
    )!;
    expect([q.kind, q.decision, q.answers]).toEqual(['option', 1, ['none', 'skip', 'conv']]);
    expect(q.prompt).toContain('0→2');
    expect(
      answersOf(
        q,
        epoch(1, [
          [0.2, 0.3, 0.5],
          [0.1, 0.6, 0.3],
        ]),
      ),
    ).toEqual([1]);
    expect(leaders([0.4, 0.4, 0.2])).toEqual([0, 1]);
  });
});
