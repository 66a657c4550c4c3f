import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { Mlp } from '../../src/nn/mlp';

/** Loss = Σ c·out over a fixed random c, so dLoss/dOut = c. */
function lossOf(net: Mlp, x: Float32Array, rows: number, c: Float32Array): number {
  const out = net.forward(x, rows);
  let s = 0;
  for (let i = 0; i < out.length; i++) s += c[i]! * out[i]!;
  return s;
}

describe('the GAN perceptron', () => {
  it.each([true, false])('backward matches a central-difference gradient of every parameter and the input (tanh %s)', (tanh) => {
    const rng = createRng('mlp-grad');
    const net = new Mlp(5, 7, 3, tanh, rng.fork('init'));
    const rows = 4;
    // Float64 differences of a Float32 net: an input kept off the leaky ReLU's kink by a random draw.
    const x = Float32Array.from({ length: rows * 5 }, () => rng.normal());
    const c = Float32Array.from({ length: rows * 3 }, () => rng.normal());
    lossOf(net, x, rows, c);
    net.zeroGrad();
    const dx = net.backward(c);
    const h = 1e-2;
    const check = (values: Float32Array, analytic: ArrayLike<number>) => {
      for (let i = 0; i < values.length; i++) {
        const keep = values[i]!;
        values[i] = keep + h;
        const up = lossOf(net, x, rows, c);
        values[i] = keep - h;
        const down = lossOf(net, x, rows, c);
        values[i] = keep;
        expect(analytic[i]!).toBeCloseTo((up - down) / (2 * h), 1);
      }
    };
    const grads = net.grads.map((g) => Float32Array.from(g));
    net.params.forEach((p, q) => check(p, grads[q]!));
    check(x, dx);
  });

  it('Adam lowers a loss it is given the gradient of, and clears the gradients', () => {
    const rng = createRng('mlp-adam');
    const net = new Mlp(3, 8, 1, false, rng.fork('init'));
    const x = Float32Array.from({ length: 16 * 3 }, () => rng.normal());
    const target = Float32Array.from({ length: 16 }, (_, r) => x[r * 3]! - x[r * 3 + 2]!);
    const mse = () => net.forward(x, 16).reduce((s, o, r) => s + (o - target[r]!) ** 2, 0) / 16;
    const before = mse();
    for (let t = 0; t < 200; t++) {
      const out = net.forward(x, 16);
      net.backward(Float32Array.from(out, (o, r) => (2 * (o - target[r]!)) / 16));
      net.adam(0.01, 0.9);
    }
    expect(mse()).toBeLessThan(before / 4);
    expect(net.grads.every((g) => g.every((v) => v === 0))).toBe(true);
  });
});
