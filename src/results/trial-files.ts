/**
 * The trials' file formats, for the page and the CLI alike: CSV and JSON downloads, and the JSON
 * lines a run of an exported Ray Tune or NNI project writes.
 */
import Papa from 'papaparse';
import type { Experiment } from '../core/experiment';
import type { TrialRecord } from '../contracts/events';

/** The columns of the trials download, one row per trial. */
function row(t: TrialRecord): Record<string, string | number> {
  return {
    trial: t.index + 1,
    encoded: t.encoded,
    origin: t.origin,
    accuracy: t.accuracy,
    reward: t.reward,
    ...(t.reported ? { [t.reported.label]: t.reported.accuracy } : {}),
    epochs: t.epochs ?? t.curve.length,
    params: t.params,
    flops: t.flops,
    latency_ms: t.latencyMs ?? '',
    seconds: t.seconds,
  };
}

/** The trials as CSV (papaparse quotes what needs quoting), as the page and the CLI write them. */
export function trialsCsv(trials: readonly TrialRecord[]): string {
  const rows = trials.map(row);
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }) + '\n';
}

/** The trials as JSON: the experiment they belong to, then every trial with its genotype and learning curve. */
export function trialsJson(trials: readonly TrialRecord[], experiment: Experiment, best: number | null): string {
  const plain = trials.map((t) => {
    const { graph: _graph, ...rest } = t;
    return rest;
  });
  return JSON.stringify({ experiment, best, trials: plain }, null, 2) + '\n';
}
