import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { forEachParam, gradient, initLstm, objective, rollout } from '../../../src/core/strategy/lstm-controller';

describe('LSTM controller', () => {
  it('backpropagates through time exactly (finite differences agree)', () => {
    const counts = [3, 2, 4, 3];
    const params = initLstm(counts, 5, 4, createRng('lstm'));
    // Give the heads weights so every term of the gradient is exercised.
    const rng = createRng('heads');
    for (const head of params.heads) head.v.forEach((row) => row.forEach((_, k) => (row[k] = rng.normal() * 0.5)));
    const r = rollout(params, counts, createRng('sample'));
    const grad = gradient(params, r, 0.7, 0.05);
    const value = () => objective(rollout(params, counts, null, r.choices), 0.7, 0.05);
    const eps = 1e-5;
    let checked = 0;
    let worst = 0;
    forEachParam(params, grad, (get, set, g) => {
      const x = get();
      set(x + eps);
      const up = value();
      set(x - eps);
      const down = value();
      set(x);
      const numeric = (up - down) / (2 * eps);
      worst = Math.max(worst, Math.abs(numeric - g) / Math.max(1e-3, Math.abs(numeric) + Math.abs(g)));
      checked += 1;
    });
    expect(checked).toBeGreaterThan(300);
    expect(worst).toBeLessThan(1e-4);
  });

  it('samples valid choices and replays forced ones', () => {
    const counts = [5, 5, 5];
    const params = initLstm(counts, 8, 6, createRng(1));
    const r = rollout(params, counts, createRng(2));
    r.choices.forEach((c, k) => expect(c).toBeLessThan(counts[k]!));
    expect(rollout(params, counts, null, [4, 0, 2]).choices).toEqual([4, 0, 2]);
    // An untrained controller is uniform.
    r.steps.forEach((s) => s.p.forEach((p) => expect(p).toBeCloseTo(1 / 5, 10)));
  });
});
