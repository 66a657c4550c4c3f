import type { Rng } from '../rng';
import { sampleIndex, softmax } from './categorical';

/**
 * The controller of Zoph & Le (2017) in plain TypeScript: an LSTM that emits one decision per
 * step, each step's input being the embedding of the previous choice, with a softmax head per
 * decision (the option counts differ). `gradient` is exact backpropagation through time of
 * Σ_t advantage · log p(a_t) + β · H(p_t), checked against finite differences in the tests.
 */
export interface LstmParams {
  /** Embedding of each (decision, option), plus a start token at index 0: [tokens × E]. */
  embed: number[][];
  /** Gates from input, [4H × E]; from the hidden state, [4H × H]; bias [4H]. Order: i, f, o, g. */
  w: number[][];
  u: number[][];
  b: number[];
  /** One head per decision: [options × H] and [options]. */
  heads: Array<{ v: number[][]; d: number[] }>;
}

export interface Rollout {
  choices: number[];
  /** Per step: cached activations for the backward pass. */
  steps: Array<{
    x: number[];
    hPrev: number[];
    cPrev: number[];
    i: number[];
    f: number[];
    o: number[];
    g: number[];
    c: number[];
    h: number[];
    p: number[];
    token: number;
  }>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function matVec(m: number[][], v: readonly number[]): number[] {
  return m.map((row) => row.reduce((s, w, k) => s + w * v[k]!, 0));
}

export function initLstm(optionCounts: readonly number[], hidden: number, embedding: number, rng: Rng): LstmParams {
  const u = (rows: number, cols: number, scale: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rng.next() * 2 - 1) * scale));
  const tokens = 1 + optionCounts.reduce((a, b) => a + b, 0);
  const b = new Array<number>(4 * hidden).fill(0);
  for (let k = hidden; k < 2 * hidden; k++) b[k] = 1; // forget-gate bias 1, the usual start
  return {
    embed: u(tokens, embedding, 0.5),
    w: u(4 * hidden, embedding, 1 / Math.sqrt(embedding)),
    u: u(4 * hidden, hidden, 1 / Math.sqrt(hidden)),
    b,
    // Zero heads: the first policy is uniform, as an untrained controller should be.
    heads: optionCounts.map((n) => ({ v: u(n, hidden, 0), d: new Array<number>(n).fill(0) })),
  };
}

/** Token of option `o` of decision `k` (0 is the start token). */
function tokenOf(optionCounts: readonly number[], k: number, o: number): number {
  let offset = 1;
  for (let j = 0; j < k; j++) offset += optionCounts[j]!;
  return offset + o;
}

/** Runs the controller, sampling with `rng` or replaying `forced` choices. */
export function rollout(params: LstmParams, optionCounts: readonly number[], rng: Rng | null, forced?: readonly number[]): Rollout {
  const H = params.b.length / 4;
  let h = new Array<number>(H).fill(0);
  let c = new Array<number>(H).fill(0);
  let token = 0;
  const choices: number[] = [];
  const steps: Rollout['steps'] = [];
  optionCounts.forEach((_, k) => {
    const x = params.embed[token]!;
    const zx = matVec(params.w, x);
    const zh = matVec(params.u, h);
    const z = zx.map((v, j) => v + zh[j]! + params.b[j]!);
    const i = z.slice(0, H).map(sigmoid);
    const f = z.slice(H, 2 * H).map(sigmoid);
    const o = z.slice(2 * H, 3 * H).map(sigmoid);
    const g = z.slice(3 * H).map(Math.tanh);
    const cNew = c.map((cp, j) => f[j]! * cp + i[j]! * g[j]!);
    const hNew = cNew.map((cv, j) => o[j]! * Math.tanh(cv));
    const head = params.heads[k]!;
    const p = softmax(matVec(head.v, hNew).map((l, j) => l + head.d[j]!));
    const a = forced ? forced[k]! : sampleIndex(p, rng!);
    steps.push({ x, hPrev: h, cPrev: c, i, f, o, g, c: cNew, h: hNew, p, token });
    choices.push(a);
    h = hNew;
    c = cNew;
    token = tokenOf(optionCounts, k, a);
  });
  return { choices, steps };
}

/** The objective a REINFORCE step ascends: advantage · Σ log p(a_t) + β · Σ H(p_t). */
export function objective(r: Rollout, advantage: number, beta: number): number {
  return r.steps.reduce((s, st, t) => s + advantage * Math.log(st.p[r.choices[t]!]!) - beta * st.p.reduce((e, q) => e + q * Math.log(q), 0), 0);
}

const zerosLike = (m: number[][]) => m.map((row) => row.map(() => 0));

/** Exact gradient of `objective` with respect to every parameter (backpropagation through time). */
export function gradient(params: LstmParams, r: Rollout, advantage: number, beta: number): LstmParams {
  const H = params.b.length / 4;
  const grad: LstmParams = {
    embed: zerosLike(params.embed),
    w: zerosLike(params.w),
    u: zerosLike(params.u),
    b: params.b.map(() => 0),
    heads: params.heads.map((hd) => ({ v: zerosLike(hd.v), d: hd.d.map(() => 0) })),
  };
  let dhNext = new Array<number>(H).fill(0);
  let dcNext = new Array<number>(H).fill(0);
  for (let t = r.steps.length - 1; t >= 0; t--) {
    const st = r.steps[t]!;
    const head = params.heads[t]!;
    const entropy = -st.p.reduce((e, q) => e + q * Math.log(q), 0);
    // d/dlogit_j: advantage·(1[j=a] − p_j) + β·(−p_j (log p_j + H))
    const dl = st.p.map((q, j) => advantage * ((j === r.choices[t] ? 1 : 0) - q) - beta * q * (Math.log(q) + entropy));
    const gh = grad.heads[t]!;
    dl.forEach((d, j) => {
      gh.d[j]! += d;
      st.h.forEach((hv, k) => (gh.v[j]![k]! += d * hv));
    });
    const dh = st.h.map((_, k) => dhNext[k]! + dl.reduce((s, d, j) => s + d * head.v[j]![k]!, 0));
    const tanhC = st.c.map(Math.tanh);
    const dc = dh.map((d, k) => d * st.o[k]! * (1 - tanhC[k]! ** 2) + dcNext[k]!);
    const dz = new Array<number>(4 * H);
    for (let k = 0; k < H; k++) {
      dz[k] = dc[k]! * st.g[k]! * st.i[k]! * (1 - st.i[k]!);
      dz[H + k] = dc[k]! * st.cPrev[k]! * st.f[k]! * (1 - st.f[k]!);
      dz[2 * H + k] = dh[k]! * tanhC[k]! * st.o[k]! * (1 - st.o[k]!);
      dz[3 * H + k] = dc[k]! * st.i[k]! * (1 - st.g[k]! ** 2);
    }
    dz.forEach((d, j) => {
      grad.b[j]! += d;
      st.x.forEach((xv, k) => (grad.w[j]![k]! += d * xv));
      st.hPrev.forEach((hv, k) => (grad.u[j]![k]! += d * hv));
    });
    const dx = st.x.map((_, k) => dz.reduce((s, d, j) => s + d * params.w[j]![k]!, 0));
    dx.forEach((d, k) => (grad.embed[st.token]![k]! += d));
    dhNext = st.hPrev.map((_, k) => dz.reduce((s, d, j) => s + d * params.u[j]![k]!, 0));
    dcNext = dc.map((d, k) => d * st.f[k]!);
  }
  return grad;
}

/** Visits every parameter of `params` with the matching entry of `grad`: for optimisers and tests. */
export function forEachParam(
  params: LstmParams,
  grad: LstmParams,
  visit: (get: () => number, set: (v: number) => void, g: number, slot: number) => void,
): void {
  let slot = 0;
  const matrix = (m: number[][], gm: number[][]) =>
    m.forEach((row, i) =>
      row.forEach((_, j) =>
        visit(
          () => row[j]!,
          (v) => (row[j] = v),
          gm[i]![j]!,
          slot++,
        ),
      ),
    );
  const vector = (v: number[], gv: number[]) =>
    v.forEach((_, j) =>
      visit(
        () => v[j]!,
        (x) => (v[j] = x),
        gv[j]!,
        slot++,
      ),
    );
  matrix(params.embed, grad.embed);
  matrix(params.w, grad.w);
  matrix(params.u, grad.u);
  vector(params.b, grad.b);
  params.heads.forEach((hd, k) => {
    matrix(hd.v, grad.heads[k]!.v);
    vector(hd.d, grad.heads[k]!.d);
  });
}
