import { describe, expect, it } from 'vitest';
import { decisionImportance, opEffects } from '../../src/core/importance';
import { createRng } from '../../src/core/rng';

const decisions = [
  { name: 'matters', options: ['a', 'b'] },
  { name: 'noise', options: ['x', 'y', 'z'] },
  { name: 'one per trial', options: Array.from({ length: 12 }, (_, i) => `o${i}`) },
];

describe('decision importance (ω², fANOVA main effects from the trials)', () => {
  const rng = createRng('importance');
  // Accuracy depends on the first decision only, plus a little noise.
  const trials = Array.from({ length: 12 }, (_, i) => {
    const choices = [i % 2, rng.int(3), i];
    return { choices, accuracy: 0.6 + 0.2 * choices[0]! + 0.01 * rng.normal() };
  });

  it('ranks the decision that drives accuracy first, and scores one that does not near zero', () => {
    const [first, ...rest] = decisionImportance(decisions, trials);
    expect(first!.name).toBe('matters');
    expect(first!.importance).toBeGreaterThan(0.9);
    expect(rest.find((d) => d.name === 'noise')!.importance).toBeLessThan(0.1);
  });

  it('does not let a decision with one trial per option explain everything by chance', () => {
    // η² would be 1 here (every group a single trial); ω² has no degrees of freedom left and says 0.
    expect(decisionImportance(decisions, trials).find((d) => d.name === 'one per trial')!.importance).toBe(0);
  });

  it('normalises shares to one and gives each option its mean and count', () => {
    const out = decisionImportance(decisions, trials);
    expect(out.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 10);
    const matters = out.find((d) => d.name === 'matters')!;
    expect(matters.options.map((o) => o.count)).toEqual([6, 6]);
    expect(matters.options[1]!.mean - matters.options[0]!.mean).toBeCloseTo(0.2, 1);
  });

  it('is zero everywhere when accuracy does not vary', () => {
    expect(
      decisionImportance(
        decisions,
        trials.map((t) => ({ ...t, accuracy: 0.5 })),
      ).every((d) => d.importance === 0 && d.share === 0),
    ).toBe(true);
  });
});

describe('op effects', () => {
  it('compares the trials that use an op with those that do not', () => {
    const effects = opEffects([
      { ops: ['conv', 'pool'], accuracy: 0.9 },
      { ops: ['conv'], accuracy: 0.8 },
      { ops: ['pool'], accuracy: 0.5 },
      { ops: ['pool', 'skip'], accuracy: 0.6 },
    ]);
    expect(effects[0]).toMatchObject({ op: 'conv', with: { count: 2 }, without: { count: 2 } });
    expect(effects[0]!.effect).toBeCloseTo(0.85 - 0.55, 10);
    expect(effects.find((e) => e.op === 'pool')!.effect).toBeCloseTo(2 / 3 - 0.8, 10);
    expect(effects.find((e) => e.op === 'skip')!.with.count).toBe(1);
  });

  it('has no effect for an op every trial uses', () => {
    expect(
      opEffects([
        { ops: ['conv'], accuracy: 0.7 },
        { ops: ['conv'], accuracy: 0.9 },
      ])[0]!.effect,
    ).toBeNull();
  });
});
