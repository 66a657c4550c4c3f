import { evalDepthProblem } from '../core/eval-depth';
import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';

/** `--eval-depth`, `--eval-cells N`, `--eval-epochs M`: retrain the returned architecture deeper after the search. */
export const EVAL_DEPTH_OPTIONS = {
  'eval-depth': { type: 'boolean' },
  'eval-cells': { type: 'string' },
  'eval-epochs': { type: 'string' },
} as const;

export const EVAL_DEPTH_USAGE = `  --eval-depth            after the search, retrain the returned architecture from scratch at
                          evaluation depth (DARTS: searched 8 cells, evaluated 20) and print it
                          beside the search-depth figures; JSON: best.evalDepth
  --eval-cells N          its depth, in the space's unit: cells (cell: 3N+2, nb201: 3N), layers
                          (chain) or blocks (mnas) [default: cell 3 × N per stage, nb201 5
                          per stage, chain and mnas × 2]
  --eval-epochs M         its training epochs [3 × the experiment's epochs]
                          (either one implies --eval-depth)`;

/** What was asked: null for no retraining; a depth or epochs left out takes the space's default. */
export interface EvalDepthAsk {
  depth?: number;
  epochs?: number;
}

function usageError(message: string): PlaygroundError {
  return new PlaygroundError('invalid-config', message, 'Run with --help to see the options.');
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw usageError(`--${flag} must be a whole number of at least 1; got "${value}".`);
  return Number(value);
}

/** The flags' values → what to retrain, checked against the experiment (a table lookup or a resolution path cannot be). */
export function parseEvalDepth(
  f: Record<string, string | string[] | boolean | undefined>,
  x: Experiment,
  others: { seeds: boolean; importing: boolean },
): EvalDepthAsk | null {
  const depth = count('eval-cells', f['eval-cells'] as string | undefined);
  const epochs = count('eval-epochs', f['eval-epochs'] as string | undefined);
  if (!f['eval-depth'] && depth === undefined && epochs === undefined) return null;
  if (others.seeds) throw usageError('--eval-depth retrains the result of one search; leave out --seeds.');
  if (others.importing) throw usageError('--eval-depth retrains a result of this search; --import reads trials that ran elsewhere.');
  const problem = evalDepthProblem(x);
  if (problem) throw usageError(problem);
  return { ...(depth !== undefined ? { depth } : {}), ...(epochs !== undefined ? { epochs } : {}) };
}
