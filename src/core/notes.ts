import type { ExperimentView } from './experiment-fields';
import { methodEntry } from './methods';
import type { Note } from './problems';
import { strategyEntry } from './strategy/index';

/**
 * What the person should know about settings that run but hide what they are for: a strategy
 * whose random start-up takes the whole budget, Hyperband with one rung, a surrogate that never
 * predicts. The page shows each beside its field; nothing is refused.
 */
export function notesOf(x: ExperimentView): Note[] {
  const out: Note[] = [];
  const entry = strategyEntry(x.strategy);
  const settings = entry?.settings ? x.strategySettings[entry.settings.key] : undefined;
  const name = methodEntry(x.strategy)?.name ?? x.strategy;
  const own = entry && settings ? entry.note?.(x, settings as never) : null;
  if (own) out.push(own);
  const startUp = entry && settings ? entry.startUp?.(settings as never) : undefined;
  if (startUp !== undefined && startUp >= x.budget) {
    out.push({
      field: 'budget',
      message: `All ${x.budget} trials are ${name}'s random start-up (its first ${startUp}), so here it searches like random search. Give it more than ${startUp} trials to see its own moves.`,
    });
  }
  if (x.surrogate.enabled && x.surrogate.warmup >= x.budget) {
    out.push({
      field: 'surrogate.enabled',
      message: `The surrogate learns from the first ${x.surrogate.warmup} trained trials, and there are ${x.budget}: it will predict none.`,
    });
  }
  return out;
}

/** Validation too small to rank trials: one more right answer moves accuracy by 100/n points. */
export function validationNote(examples: number): string | null {
  if (examples <= 0 || examples >= 50) return null;
  const step = 100 / examples;
  return `Validation has ${examples} examples, so accuracy moves in steps of ${step.toFixed(1)} points: trials closer than that cannot be ranked, and 0% or 100% may be luck. Use more examples, or a larger validation share (Advanced settings).`;
}
