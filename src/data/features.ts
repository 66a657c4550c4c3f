import type { FeatureReport, FeatureStep } from '../contracts/data';
import type { Experiment } from '../core/experiment';
import type { Split } from '../nn/train';

export type FeatureSettings = Experiment['data']['features'];
export type ScaleKind = Experiment['data']['cleaning']['scale'];

interface Table {
  train: Split;
  val: Split;
  /** The held-out test split, transformed like validation (empty when there is none). */
  test: Split;
  columns: string[];
}

const EMPTY: Split = { x: new Float32Array(0), y: new Int32Array(0), n: 0 };

const column = (s: Split, d: number, f: number) => Float64Array.from({ length: s.n }, (_, i) => s.x[i * d + f]!);

function rebuild(t: Table, columns: string[], value: (s: Split, i: number, out: Float32Array) => void): Table {
  const make = (s: Split): Split => {
    const x = new Float32Array(s.n * columns.length);
    const row = new Float32Array(columns.length);
    for (let i = 0; i < s.n; i++) {
      value(s, i, row);
      x.set(row, i * columns.length);
    }
    return { x, y: s.y, n: s.n };
  };
  return { train: make(t.train), val: make(t.val), test: make(t.test), columns };
}

/** Standardise (zero mean, unit variance) or min-max scale every column with the training split's statistics only. */
export function scaleSplits(train: Split, val: Split, d: number, kind: ScaleKind, test: Split = EMPTY): void {
  if (kind === 'none') return;
  for (let f = 0; f < d; f++) {
    const c = column(train, d, f);
    let shift: number;
    let scale: number;
    if (kind === 'standard') {
      shift = c.reduce((a, b) => a + b, 0) / Math.max(c.length, 1);
      scale = Math.sqrt(c.reduce((a, b) => a + (b - shift) ** 2, 0) / Math.max(c.length, 1)) || 1;
    } else {
      // A loop, not Math.min(...c): a column of 100 000 values overflows the call stack as arguments.
      let [lo, hi] = [Infinity, -Infinity];
      for (const v of c) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      shift = c.length ? lo : 0;
      scale = hi - lo || 1;
    }
    for (const s of [train, val, test]) for (let i = 0; i < s.n; i++) s.x[i * d + f] = (s.x[i * d + f]! - shift) / scale;
  }
}

/** Squares and pairwise products (degree-2 polynomial features), after the originals. */
function polynomial(t: Table): Table {
  const d = t.columns.length;
  const names = [...t.columns];
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) pairs.push([a, b]);
  for (const [a, b] of pairs) names.push(a === b ? `${t.columns[a]}²` : `${t.columns[a]}×${t.columns[b]}`);
  return rebuild(t, names, (s, i, out) => {
    for (let f = 0; f < d; f++) out[f] = s.x[i * d + f]!;
    pairs.forEach(([a, b], k) => (out[d + k] = s.x[i * d + a]! * s.x[i * d + b]!));
  });
}

/** Quantile edges of a column (fitted on the training split). */
function quantileEdges(values: Float64Array, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  return Array.from({ length: bins - 1 }, (_, k) => sorted[Math.min(sorted.length - 1, Math.floor(((k + 1) * sorted.length) / bins))]!);
}

/** Each column becomes `bins` 0/1 indicators of its quantile bin (edges from the training split). */
function binning(t: Table, bins: number): Table {
  const d = t.columns.length;
  const edges = t.columns.map((_, f) => quantileEdges(column(t.train, d, f), bins));
  const names = t.columns.flatMap((c) => Array.from({ length: bins }, (_, b) => `${c} bin ${b + 1}`));
  return rebuild(t, names, (s, i, out) => {
    out.fill(0);
    for (let f = 0; f < d; f++) {
      const v = s.x[i * d + f]!;
      let b = 0;
      while (b < bins - 1 && v >= edges[f]![b]!) b++;
      out[f * bins + b] = 1;
    }
  });
}

function keepColumns(t: Table, kept: number[]): Table {
  const d = t.columns.length;
  return rebuild(
    t,
    kept.map((f) => t.columns[f]!),
    (s, i, out) => kept.forEach((f, k) => (out[k] = s.x[i * d + f]!)),
  );
}

/** Mutual information (nats) between a column, in 8 quantile bins, and the class, on the training split. */
export function mutualInformation(values: Float64Array, labels: Int32Array, classes: number, bins = 8): number {
  const edges = quantileEdges(values, bins);
  const joint = Array.from({ length: bins }, () => new Array<number>(classes).fill(0));
  values.forEach((v, i) => {
    let b = 0;
    while (b < bins - 1 && v >= edges[b]!) b++;
    joint[b]![labels[i]!]! += 1;
  });
  const n = values.length;
  const pb = joint.map((row) => row.reduce((a, c) => a + c, 0) / n);
  const pc = Array.from({ length: classes }, (_, k) => joint.reduce((a, row) => a + row[k]!, 0) / n);
  let mi = 0;
  joint.forEach((row, b) =>
    row.forEach((c, k) => {
      if (c > 0) mi += (c / n) * Math.log(c / n / (pb[b]! * pc[k]!));
    }),
  );
  return mi;
}

/** Principal components of the training split (power iteration with deflation on the covariance). */
function pca(t: Table, k: number): { table: Table; explained: number } {
  const d = t.columns.length;
  const n = Math.max(t.train.n, 1);
  const mean = t.columns.map((_, f) => column(t.train, d, f).reduce((a, b) => a + b, 0) / n);
  const cov = Array.from({ length: d }, () => new Float64Array(d));
  for (let i = 0; i < t.train.n; i++) {
    for (let a = 0; a < d; a++) {
      const va = t.train.x[i * d + a]! - mean[a]!;
      for (let b = a; b < d; b++) cov[a]![b]! += (va * (t.train.x[i * d + b]! - mean[b]!)) / n;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a]![b] = cov[b]![a]!;
  const total = cov.reduce((s, row, a) => s + row[a]!, 0);
  const components: Float64Array[] = [];
  let explained = 0;
  for (let c = 0; c < Math.min(k, d); c++) {
    let v = Float64Array.from({ length: d }, (_, i) => 1 / Math.sqrt(d) + (i === c ? 0.5 : 0));
    let lambda = 0;
    for (let it = 0; it < 200; it++) {
      const w = new Float64Array(d);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) w[a]! += cov[a]![b]! * v[b]!;
      const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
      if (norm < 1e-12) break;
      lambda = norm;
      v = w.map((x) => x / norm);
    }
    components.push(v);
    explained += lambda;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a]![b]! -= lambda * v[a]! * v[b]!;
  }
  const names = components.map((_, c) => `PC${c + 1}`);
  const table = rebuild(t, names, (s, i, out) => {
    components.forEach((v, c) => {
      let sum = 0;
      for (let f = 0; f < d; f++) sum += (s.x[i * d + f]! - mean[f]!) * v[f]!;
      out[c] = sum;
    });
  });
  return { table, explained: total > 0 ? explained / total : 0 };
}

export function engineering(settings: FeatureSettings): boolean {
  return settings.construct !== 'none' || settings.select !== 'none' || settings.pca > 0;
}

/**
 * Construction (polynomial or binning), then selection (highest training variance or mutual
 * information with the class, keep k), then PCA (k components): every statistic from the training
 * split, applied alike to validation and test.
 */
export function engineerFeatures(
  train: Split,
  val: Split,
  columns: string[],
  classes: number,
  settings: FeatureSettings,
  test: Split = EMPTY,
): Table & { report: FeatureReport } {
  let t: Table = { train, val, test, columns };
  const steps: FeatureStep[] = [];
  const record = (step: string, before: number, detail: string) => steps.push({ step, before, after: t.columns.length, detail });
  if (settings.construct === 'polynomial') {
    const before = t.columns.length;
    t = polynomial(t);
    record('polynomial features', before, `added ${t.columns.length - before} squares and pairwise products`);
  } else if (settings.construct === 'binning') {
    const before = t.columns.length;
    t = binning(t, settings.bins);
    record('binning', before, `each column → ${settings.bins} quantile-bin indicators`);
  }
  if (settings.select !== 'none' && settings.keep < t.columns.length) {
    const d = t.columns.length;
    const before = d;
    const score = t.columns.map((_, f) => {
      const c = column(t.train, d, f);
      if (settings.select === 'mutual-info') return mutualInformation(c, t.train.y, classes);
      const mean = c.reduce((a, b) => a + b, 0) / Math.max(c.length, 1);
      return c.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(c.length, 1);
    });
    const kept = score
      .map((s, f) => ({ s, f }))
      .sort((a, b) => b.s - a.s || a.f - b.f)
      .slice(0, settings.keep)
      .map(({ f }) => f)
      .sort((a, b) => a - b);
    const top = kept
      .map((f) => ({ name: t.columns[f]!, s: score[f]! }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 3);
    t = keepColumns(t, kept);
    record(
      settings.select === 'mutual-info' ? 'selection by mutual information' : 'selection by variance',
      before,
      `kept ${kept.length}; top: ${top.map((c) => `${c.name} (${c.s.toFixed(settings.select === 'mutual-info' ? 3 : 2)})`).join(', ')}`,
    );
  }
  if (settings.pca > 0) {
    const before = t.columns.length;
    const { table, explained } = pca(t, settings.pca);
    t = table;
    record('PCA', before, `${t.columns.length} components explain ${(explained * 100).toFixed(1)} % of the variance`);
  }
  return { ...t, report: { steps, columns: t.columns, baseline: null } };
}
