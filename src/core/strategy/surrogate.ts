import type { Rng } from '../rng';
import { meanStd } from '../stats';

/**
 * A small ensemble of one-hidden-layer MLPs in plain TypeScript: predicts a candidate's reward
 * from its features, and the spread of the members is the uncertainty (as in BANANAS, White et
 * al. 2021). Deterministic given its rng; small enough to retrain from scratch on every ask.
 */
export interface Prediction {
  mean: number;
  std: number;
}

interface Mlp {
  w1: Float64Array; // hidden × inputs
  b1: Float64Array;
  w2: Float64Array; // hidden
  b2: number;
}

export interface SurrogateOptions {
  members: number;
  hidden: number;
  /** SGD steps per member; the cost of a fit stays flat as the history grows. */
  steps: number;
  learningRate: number;
}

export const DEFAULT_SURROGATE: SurrogateOptions = { members: 5, hidden: 24, steps: 1500, learningRate: 0.01 };

function forward(m: Mlp, x: Float64Array, hidden: Float64Array): number {
  const n = x.length;
  let out = m.b2;
  for (let h = 0; h < hidden.length; h++) {
    let z = m.b1[h]!;
    const row = h * n;
    for (let i = 0; i < n; i++) if (x[i] !== 0) z += m.w1[row + i]! * x[i]!;
    hidden[h] = z > 0 ? z : 0;
    out += m.w2[h]! * hidden[h]!;
  }
  return out;
}

function trainMember(xs: Float64Array[], ys: number[], opts: SurrogateOptions, rng: Rng): Mlp {
  const n = xs[0]!.length;
  const H = opts.hidden;
  const m: Mlp = {
    w1: Float64Array.from({ length: H * n }, () => rng.normal() * Math.sqrt(2 / n)),
    b1: new Float64Array(H),
    w2: Float64Array.from({ length: H }, () => rng.normal() * Math.sqrt(1 / H)),
    b2: ys.reduce((a, b) => a + b, 0) / ys.length,
  };
  // Adam on squared error, one example at a time in a shuffled order.
  const params = [m.w1, m.b1, m.w2];
  const mom = params.map((p) => new Float64Array(p.length));
  const vel = params.map((p) => new Float64Array(p.length));
  let mb2 = 0;
  let vb2 = 0;
  const hidden = new Float64Array(H);
  const order = ys.map((_, i) => i);
  let t = 0;
  const adam = (k: number, i: number, g: number, lrT: number) => {
    mom[k]![i] = 0.9 * mom[k]![i]! + 0.1 * g;
    vel[k]![i] = 0.999 * vel[k]![i]! + 0.001 * g * g;
    params[k]![i]! -= (lrT * mom[k]![i]!) / (Math.sqrt(vel[k]![i]!) + 1e-8);
  };
  const epochs = Math.max(1, Math.ceil(opts.steps / ys.length));
  for (let epoch = 0; epoch < epochs; epoch++) {
    rng.shuffle(order);
    for (const idx of order) {
      t++;
      const lrT = (opts.learningRate * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
      const x = xs[idx]!;
      const err = forward(m, x, hidden) - ys[idx]!;
      for (let h = 0; h < H; h++) {
        const gW2 = err * hidden[h]!;
        if (hidden[h]! > 0) {
          const gz = err * m.w2[h]!;
          adam(1, h, gz, lrT);
          const row = h * n;
          for (let i = 0; i < n; i++) if (x[i] !== 0) adam(0, row + i, gz * x[i]!, lrT);
        }
        adam(2, h, gW2, lrT);
      }
      mb2 = 0.9 * mb2 + 0.1 * err;
      vb2 = 0.999 * vb2 + 0.001 * err * err;
      m.b2 -= (lrT * mb2) / (Math.sqrt(vb2) + 1e-8);
    }
  }
  return m;
}

export class Surrogate {
  private constructor(
    private readonly members: Mlp[],
    private readonly hidden: number,
  ) {}

  static fit(xs: Float64Array[], ys: number[], rng: Rng, opts: SurrogateOptions = DEFAULT_SURROGATE): Surrogate {
    if (xs.length === 0) throw new RangeError('A surrogate needs at least one example');
    const members = Array.from({ length: opts.members }, (_, k) => trainMember(xs, ys, opts, rng.fork(`member-${k}`)));
    return new Surrogate(members, opts.hidden);
  }

  predict(x: Float64Array): Prediction {
    const hidden = new Float64Array(this.hidden);
    return meanStd(this.members.map((m) => forward(m, x, hidden)));
  }
}
