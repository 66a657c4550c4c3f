import type { Decision } from './space/types';

/**
 * How much each decision of a space, and each op, matters to accuracy, from the trials alone.
 *
 * A decision's importance is ω² (omega squared), the share of the trials' accuracy variance that
 * the decision's options explain on their own, corrected for chance: the main-effect term of
 * fANOVA (Hutter et al. 2014, which Optuna's dashboard shows), computed from the trials directly
 * rather than from a random-forest surrogate. With a dozen trials a surrogate would be fitted to
 * noise, and a plain variance share (η²) gives a decision with many options a high score by chance
 * (one trial per option explains everything); ω² subtracts what the options would explain if they
 * did not matter, so such a decision scores near zero until the trials say otherwise.
 */

export interface OptionMean {
  label: string;
  mean: number;
  count: number;
}

export interface DecisionImportance {
  name: string;
  /** ω², clipped to [0, 1]. */
  importance: number;
  /** Its share of the summed importances (Optuna's normalisation); 0 when none matters. */
  share: number;
  options: OptionMean[];
}

export interface ScoredChoices {
  choices: readonly number[];
  accuracy: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** ω² of one grouping of the accuracies. */
function omegaSquared(groups: ReadonlyArray<readonly number[]>, all: readonly number[]): number {
  const grand = mean(all);
  const ssTotal = all.reduce((s, a) => s + (a - grand) ** 2, 0);
  const used = groups.filter((g) => g.length > 0);
  const k = used.length;
  const n = all.length;
  if (k < 2 || n <= k || ssTotal === 0) return 0;
  const ssBetween = used.reduce((s, g) => s + g.length * (mean(g) - grand) ** 2, 0);
  const msWithin = (ssTotal - ssBetween) / (n - k);
  const omega = (ssBetween - (k - 1) * msWithin) / (ssTotal + msWithin);
  return Math.min(1, Math.max(0, omega));
}

/** Every decision's importance and its options' mean accuracies, most important first. */
export function decisionImportance(decisions: readonly Decision[], trials: readonly ScoredChoices[]): DecisionImportance[] {
  const all = trials.map((t) => t.accuracy);
  const out = decisions.map((d, i) => {
    const groups = d.options.map((_, o) => trials.filter((t) => t.choices[i] === o).map((t) => t.accuracy));
    return {
      name: d.name,
      importance: trials.length ? omegaSquared(groups, all) : 0,
      share: 0,
      options: d.options.map((label, o) => ({ label, mean: groups[o]!.length ? mean(groups[o]!) : NaN, count: groups[o]!.length })),
    };
  });
  const total = out.reduce((s, d) => s + d.importance, 0);
  for (const d of out) d.share = total > 0 ? d.importance / total : 0;
  return out.sort((a, b) => b.importance - a.importance);
}

export interface OpEffect {
  op: string;
  /** Mean accuracy of the trials whose architecture uses the op, and of those that do not. */
  with: { mean: number; count: number };
  without: { mean: number; count: number };
  /** with − without, in accuracy (0..1); null where every trial or none uses it. */
  effect: number | null;
}

/** For each op: the mean accuracy of the trials that use it against those that do not, largest difference first. */
export function opEffects(trials: ReadonlyArray<{ ops: readonly string[]; accuracy: number }>): OpEffect[] {
  const ops = [...new Set(trials.flatMap((t) => t.ops))];
  return ops
    .map((op) => {
      const using = trials.filter((t) => t.ops.includes(op)).map((t) => t.accuracy);
      const not = trials.filter((t) => !t.ops.includes(op)).map((t) => t.accuracy);
      const withMean = using.length ? mean(using) : NaN;
      const withoutMean = not.length ? mean(not) : NaN;
      return {
        op,
        with: { mean: withMean, count: using.length },
        without: { mean: withoutMean, count: not.length },
        effect: using.length && not.length ? withMean - withoutMean : null,
      };
    })
    .sort((a, b) => Math.abs(b.effect ?? 0) - Math.abs(a.effect ?? 0));
}
