import type { DepthFigures, EvalDepthResult } from '../contracts/eval-depth';
import type { TrialRecord } from '../contracts/events';
import { depthPlan } from '../core/eval-depth';
import type { Experiment } from '../core/experiment';
import { compactNumber } from '../core/format';
import type { NetworkAccess } from '../data/image-sets';
import type { UserFile } from '../data/load';
import { readPublicAsset } from '../data/node-assets';
import { retrainAtDepth } from '../engine/eval-depth';
import type { ModelStore } from '../engine/models';
import type { EvalDepthAsk } from './eval-depth-flags';

/** Retrains the search's returned trial as asked, each finished epoch on stderr when `live`. */
export async function runEvalDepth(
  x: Experiment,
  returned: TrialRecord,
  ask: EvalDepthAsk,
  deps: { userFile?: UserFile; net?: NetworkAccess; models?: ModelStore; progress?: (line: string) => void },
): Promise<EvalDepthResult> {
  const plan = depthPlan(x, returned.genotype);
  const setting = { depth: ask.depth ?? plan.depth, epochs: ask.epochs ?? plan.epochs };
  return retrainAtDepth(x, returned, setting, { readAsset: readPublicAsset, ...deps }, (p) =>
    deps.progress?.(
      `\rretraining at evaluation depth: epoch ${p.epoch}/${p.epochs}, validation ${(p.valAccuracy * 100).toFixed(1)}%${p.epoch === p.epochs ? '\n' : ''}`,
    ),
  );
}

const pct = (a: number | undefined) => (a === undefined ? '—' : `${(a * 100).toFixed(1)}%`);

function line(label: string, unit: string, f: DepthFigures): string {
  return `${label.padEnd(18)}${`${f.depth} ${unit}`.padStart(10)}${`${f.epochs} ep`.padStart(7)}  validation ${pct(f.validationAccuracy).padStart(6)}  test ${pct(f.testAccuracy).padStart(6)}  ${compactNumber(f.params).padStart(7)} params  ${f.seconds.toFixed(1)} s`;
}

/** The two lines the CLI prints: the trial as searched, and retrained at evaluation depth. */
export function evalDepthLines(r: EvalDepthResult): string {
  return `${line('search depth', r.unit, r.search)}\n${line('evaluation depth', r.unit, r.evaluation)}`;
}

/** `best.evalDepth` of the JSON: `cells` is the depth in the space's unit (named by `unit`). */
export function evalDepthJson(r: EvalDepthResult) {
  const { depth, epochs, validationAccuracy, testAccuracy, params, flops, seconds } = r.evaluation;
  return { cells: depth, unit: r.unit, epochs, validationAccuracy, testAccuracy: testAccuracy ?? null, params, flops, seconds, search: r.search };
}
