import * as v from 'valibot';
import { PlaygroundError } from '../core/errors';
import type { ObjectiveSettings } from '../core/objective';
import { reward } from '../core/objective';
import type { SearchSpace } from '../core/space/types';
import type { TrialRecord } from '../contracts/events';

/**
 * The trial format the exported Ray Tune and NNI projects write (one JSON object per line), and
 * how a results file comes back as trial records: the genotype is rebuilt from the option indices
 * with the space's own `fromDecisions`, so a line that does not fit the space is refused.
 */
const LINE = v.object({
  format: v.literal('nas-playground-trial'),
  version: v.literal(1),
  trial: v.union([v.string(), v.number()]),
  space: v.string(),
  input: v.tuple([v.number(), v.number(), v.number()]),
  classes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  choices: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
  accuracy: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  curve: v.array(v.object({ epoch: v.number(), loss: v.number(), valAccuracy: v.number() })),
  seconds: v.optional(v.number(), 0),
  origin: v.optional(v.string(), 'cluster'),
});

export interface ImportedTrials {
  trials: TrialRecord[];
  /** Where they ran, for the comparison view: "ray", "nni". */
  origin: string;
}

const problem = (name: string, where: string, why: string) =>
  new PlaygroundError(
    'invalid-config',
    `${name}, ${where}: ${why}.`,
    'Import the results.jsonl that the exported Ray Tune or NNI project wrote, with the same experiment open.',
  );

/** Parses a results file against the experiment's space and objective. */
export function importTrialLines(text: string, name: string, space: SearchSpace, objective: ObjectiveSettings): ImportedTrials {
  const base = space.id.replace(/\+hp$/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw problem(name, 'the file', 'holds no trial');
  const trials = lines.map((line, index): TrialRecord => {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw problem(name, `line ${index + 1}`, 'is not JSON');
    }
    const parsed = v.safeParse(LINE, raw);
    if (!parsed.success) throw problem(name, `line ${index + 1}`, `${v.summarize(parsed.issues).split('\n')[0]}`);
    const t = parsed.output;
    if (t.space !== base) throw problem(name, `line ${index + 1}`, `comes from the ${t.space} space, not ${base}`);
    const genotype = space.fromDecisions(t.choices);
    const [height, width, channels] = t.input;
    const cost = space.cost(genotype, { height, width, channels }, t.classes);
    const evaluation = { accuracy: t.accuracy, curve: t.curve, epochs: t.curve.length, ...cost, seconds: t.seconds };
    return {
      ...evaluation,
      index,
      encoded: space.encode(genotype),
      genotype,
      origin: `${t.origin} trial ${t.trial}`,
      graph: space.describe(genotype),
      reward: reward(objective, evaluation),
    };
  });
  return { trials, origin: trials[0]!.origin.split(' ')[0]! };
}
