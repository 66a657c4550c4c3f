import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { paretoFront, reward, type ObjectivePoint, type ObjectiveSettings } from '../../src/core/objective';

const mnas = (over: Partial<ObjectiveSettings>): ObjectiveSettings => ({ kind: 'mnas', cost: 'latency', target: 10, weight: -0.07, hard: false, ...over });

describe('objectives', () => {
  it('finds the Pareto front of hand-made points', () => {
    const points: ObjectivePoint[] = [
      { gain: 0.9, cost: 10 }, // 0: front (most accurate)
      { gain: 0.8, cost: 5 }, // 1: front
      { gain: 0.7, cost: 6 }, // 2: dominated by 1
      { gain: 0.5, cost: 1 }, // 3: front (cheapest)
      { gain: 0.8, cost: 7 }, // 4: dominated by 1 (same gain, more cost)
      { gain: 0.85, cost: 12 }, // 5: dominated by 0
      { gain: 0.6, cost: 3 }, // 6: front
    ];
    expect(paretoFront(points)).toEqual([3, 6, 1, 0]);
  });

  it('agrees with the definition of dominance on random points', () => {
    const rng = createRng('pareto');
    const points = Array.from({ length: 200 }, () => ({ gain: rng.next(), cost: rng.next() }));
    const front = new Set(paretoFront(points));
    points.forEach((p, i) => {
      const dominated = points.some((q) => q.gain >= p.gain && q.cost <= p.cost && (q.gain > p.gain || q.cost < p.cost));
      expect(front.has(i)).toBe(!dominated);
    });
  });

  it('computes MnasNet rewards: soft and hard constraints', () => {
    const m = { accuracy: 0.8, params: 1000, flops: 5000, latencyMs: 20 };
    expect(reward({ ...mnas({}), kind: 'accuracy' }, m)).toBe(0.8);
    expect(reward(mnas({}), m)).toBeCloseTo(0.8 * 2 ** -0.07, 10);
    expect(reward(mnas({ target: 40 }), m)).toBeGreaterThan(0.8); // under target: a small bonus
    expect(reward(mnas({ hard: true }), m)).toBeCloseTo(0.4, 10); // twice the target: halved
    expect(reward(mnas({ hard: true, target: 20 }), m)).toBe(0.8);
    expect(reward(mnas({ cost: 'flops', target: 5000 }), m)).toBe(0.8);
  });
});
