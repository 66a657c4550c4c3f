/**
 * What a search maximises. Plain accuracy, or MnasNet's multi-objective reward
 * ACC(m) · [COST(m) / T]^w (Tan et al. 2019) with the user's target T: w = −0.07 is the soft
 * constraint; the hard one is w = 0 when COST ≤ T, else −1. The cost is the latency measured on
 * this device, or FLOPs or parameters where no latency is measured (a table lookup).
 */
export const COST_METRICS = ['latency', 'flops', 'params'] as const;
export type CostMetric = (typeof COST_METRICS)[number];

export interface ObjectiveSettings {
  kind: 'accuracy' | 'mnas';
  cost: CostMetric;
  /** T, in ms for latency, in counts for FLOPs and params. */
  target: number;
  /** w for the soft constraint. */
  weight: number;
  hard: boolean;
}

export interface Measured {
  accuracy: number;
  params: number;
  flops: number;
  /** Median forward-pass time of one example, ms; absent where nothing ran. */
  latencyMs?: number;
}

export function costOf(m: Measured, metric: CostMetric): number | undefined {
  return metric === 'latency' ? m.latencyMs : metric === 'flops' ? m.flops : m.params;
}

export function reward(objective: ObjectiveSettings, m: Measured): number {
  if (objective.kind === 'accuracy') return m.accuracy;
  const cost = costOf(m, objective.cost);
  if (cost === undefined) return m.accuracy;
  const ratio = cost / objective.target;
  const w = objective.hard ? (cost <= objective.target ? 0 : -1) : objective.weight;
  return m.accuracy * ratio ** w;
}

export interface ObjectivePoint {
  /** Maximised. */
  gain: number;
  /** Minimised. */
  cost: number;
}

/**
 * Indices of the non-dominated points: no other point has at least the gain and at most the cost,
 * and is strictly better in one. Sorted by cost, so the front draws as a staircase.
 */
export function paretoFront(points: readonly ObjectivePoint[]): number[] {
  const order = points.map((_, i) => i).sort((a, b) => points[a]!.cost - points[b]!.cost || points[b]!.gain - points[a]!.gain);
  const front: number[] = [];
  let bestGain = -Infinity;
  for (const i of order) {
    if (points[i]!.gain > bestGain) {
      front.push(i);
      bestGain = points[i]!.gain;
    }
  }
  return front;
}
