import type { Rng } from '../core/rng';

/**
 * A two-layer perceptron (dense → leaky ReLU → dense, optional tanh) with its own backward pass
 * and Adam, in plain arrays: the GAN's networks are this small, and without tfjs they run the same
 * in the data worker (which loads no tfjs), the search worker and the CLI, to the last digit on
 * every backend.
 */
export class Mlp {
  readonly params: Float32Array[];
  readonly grads: Float32Array[];
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  private t = 0;
  private input: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private pre = new Float32Array(0);
  private hidden = new Float32Array(0);
  private out = new Float32Array(0);
  private rows = 0;

  constructor(
    readonly inputs: number,
    readonly width: number,
    readonly outputs: number,
    private readonly tanh: boolean,
    rng: Rng,
  ) {
    // He-style scale for the leaky-ReLU layer, Glorot-style for the output layer.
    const w1 = Float32Array.from({ length: inputs * width }, () => rng.normal() * Math.sqrt(2 / inputs));
    const w2 = Float32Array.from({ length: width * outputs }, () => rng.normal() * Math.sqrt(1 / width));
    this.params = [w1, new Float32Array(width), w2, new Float32Array(outputs)];
    this.grads = this.params.map((p) => new Float32Array(p.length));
    this.m = this.params.map((p) => new Float32Array(p.length));
    this.v = this.params.map((p) => new Float32Array(p.length));
  }

  /** `rows` examples of `inputs` values each → `rows` × `outputs`; keeps what backward needs. */
  forward(x: Float32Array, rows: number): Float32Array {
    const { inputs, width, outputs } = this;
    const [w1, b1, w2, b2] = this.params as [Float32Array, Float32Array, Float32Array, Float32Array];
    this.input = x;
    this.rows = rows;
    this.pre = new Float32Array(rows * width);
    this.hidden = new Float32Array(rows * width);
    this.out = new Float32Array(rows * outputs);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < width; j++) {
        let s = b1[j]!;
        for (let i = 0; i < inputs; i++) s += x[r * inputs + i]! * w1[i * width + j]!;
        this.pre[r * width + j] = s;
        this.hidden[r * width + j] = s > 0 ? s : 0.2 * s;
      }
      for (let k = 0; k < outputs; k++) {
        let s = b2[k]!;
        for (let j = 0; j < width; j++) s += this.hidden[r * width + j]! * w2[j * outputs + k]!;
        this.out[r * outputs + k] = this.tanh ? Math.tanh(s) : s;
      }
    }
    return this.out;
  }

  /** Adds the parameter gradients of the last forward pass for `dOut` into `grads`; returns the input's gradient. */
  backward(dOut: Float32Array): Float32Array {
    const { inputs, width, outputs, rows } = this;
    const [w1, , w2] = this.params as [Float32Array, Float32Array, Float32Array, Float32Array];
    const [g1, gb1, g2, gb2] = this.grads as [Float32Array, Float32Array, Float32Array, Float32Array];
    const dx = new Float32Array(rows * inputs);
    const dh = new Float32Array(width);
    for (let r = 0; r < rows; r++) {
      dh.fill(0);
      for (let k = 0; k < outputs; k++) {
        const o = this.out[r * outputs + k]!;
        const d = dOut[r * outputs + k]! * (this.tanh ? 1 - o * o : 1);
        if (d === 0) continue;
        gb2[k]! += d;
        for (let j = 0; j < width; j++) {
          g2[j * outputs + k]! += this.hidden[r * width + j]! * d;
          dh[j]! += w2[j * outputs + k]! * d;
        }
      }
      for (let j = 0; j < width; j++) {
        const d = dh[j]! * (this.pre[r * width + j]! > 0 ? 1 : 0.2);
        gb1[j]! += d;
        for (let i = 0; i < inputs; i++) {
          g1[i * width + j]! += this.input[r * inputs + i]! * d;
          dx[r * inputs + i]! += w1[i * width + j]! * d;
        }
      }
    }
    return dx;
  }

  zeroGrad(): void {
    for (const g of this.grads) g.fill(0);
  }

  /** One Adam step (Kingma & Ba 2015) over the accumulated gradients, which it then clears. */
  adam(rate: number, beta1: number, beta2 = 0.999, eps = 1e-8): void {
    this.t += 1;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    this.params.forEach((p, q) => {
      const g = this.grads[q]!;
      const m = this.m[q]!;
      const v = this.v[q]!;
      for (let i = 0; i < p.length; i++) {
        m[i] = beta1 * m[i]! + (1 - beta1) * g[i]!;
        v[i] = beta2 * v[i]! + (1 - beta2) * g[i]! * g[i]!;
        p[i]! -= (rate * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + eps);
      }
    });
    this.zeroGrad();
  }
}
