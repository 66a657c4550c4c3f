import * as v from 'valibot';
import { adjustFor, type ExperimentPatch } from './adjust';
import { datasetEntry } from './dataset/index';
import { dataInput } from './dataset/input';
import { evaluatorEntry } from './evaluator/index';
import { methodEntry, sharerOf } from './methods';
import { problem, problemError, type CheckContext, type Problem } from './problems';
import { ExperimentSchema, type Experiment } from './schema';
import { describeIssues } from './schema-tools';
import { createSpace, servesMethod, spaceEntry, SUPERNET_SPACES, type SpaceSettings } from './space/index';
import { STRATEGIES } from './strategy/index';
import { syntheticProblems } from './synthetic-rules';

/**
 * The one rule that says which combinations can run, made from the entries' traits and their own
 * checks. `parseExperiment` throws the first problem; the page asks it before Start, and about a
 * hypothetical value of one control (`problemsWith`) to say why an option would not run.
 */

export function contextOf(x: Experiment): CheckContext {
  return {
    x,
    dataset: datasetEntry(x.dataset),
    space: spaceEntry(x.space),
    strategy: methodEntry(x.strategy),
    evaluator: evaluatorEntry(x.evaluator),
    supernetSpaces: SUPERNET_SPACES.filter((s) => servesMethod(s, sharerOf(x))).map((s) => s.id),
  };
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
function listed(words: readonly string[], conjunction = 'and'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

const own = (groups: Record<string, object>, key: string | undefined): object => (key ? (groups[key] ?? {}) : {});

/** A supernet needs a space that has one, real training, settings it can build, and no per-candidate extras; then one fidelity serves all. */
function weightSharing(c: CheckContext): Problem[] {
  const { x, strategy, evaluator, space } = c;
  const by = strategy.hasSupernet ? strategy.title : evaluator.sharesWeights ? evaluator.name : undefined;
  if (!by) return [];
  const out: Problem[] = [];
  // A space whose supernet serves only some methods (the resolution trellis: DARTS; the MnasNet stages: ProxylessNAS).
  if (space.supernet?.methods && !space.supernet.methods.includes(sharerOf(x))) {
    const only = space.supernet.methods.map((id) => methodEntry(id)?.title ?? id).join(' or ');
    out.push(
      problem(
        'strategy',
        `${by} has no supernet of the ${space.title} space: only ${only} trains its supernet.`,
        `Choose ${only} as the strategy, or the ${listed(c.supernetSpaces, 'or')} space.`,
      ),
    );
  }
  if (!space.supernet) {
    const spaces = c.supernetSpaces;
    out.push(
      problem(
        'space',
        `${by} shares weights in a supernet, which exists for the ${listed(spaces)} spaces, not "${x.space}".`,
        `Choose the ${listed(spaces, 'or')} space, or another strategy.`,
      ),
    );
  }
  if (evaluator.table) {
    out.push(
      problem(
        'evaluator',
        `${by} trains a supernet on real examples; the NAS-Bench-201 table has only final accuracies.`,
        'Choose "train" as the evaluator and a dataset such as digits (the derived nb201 cell is still looked up in the table).',
      ),
    );
  }
  const settings = space.supernet?.check?.(own(x.spaceSettings, space.settings?.key), by);
  if (settings) out.push(settings);
  if (x.surrogate.enabled || x.hpo.enabled) {
    out.push(
      problem(
        x.surrogate.enabled ? 'surrogate.enabled' : 'hpo.enabled',
        `${by} scores candidates with shared weights, so a surrogate or a per-candidate hyperparameter search does not apply.`,
        'Turn the surrogate and hyperparameter search off.',
      ),
    );
  }
  if (strategy.multiFidelity && evaluator.sharesWeights && evaluator.oneFidelity) out.push(evaluator.oneFidelity(strategy.name));
  const nodes = (x.spaceSettings.cell as { nodes?: number } | undefined)?.nodes;
  if (
    evaluator.sharesWeights &&
    x.strategy === 'pnas' &&
    x.space === 'cell' &&
    (x.strategySettings.pnas as { growth?: string } | undefined)?.growth === 'blocks'
  ) {
    // A cell of fewer nodes than the supernet's leaves nodes with no op chosen.
    out.push(
      problem(
        'strategySettings.pnas.growth',
        `PNAS grows cells of 1, 2, … ${nodes} nodes, but the supernet holds whole cells of ${nodes} nodes: a smaller cell is no path through it.`,
        "Set PNAS's growth to one decision at a time, or train each candidate.",
      ),
    );
  }
  return out;
}

/** The data set as a sentence's subject: "Iris", "your table "plants.csv"". */
function dataName(x: CheckContext['x'], title: string): string {
  return x.dataset === 'own' && x.data.file ? `your file "${x.data.file.name}"` : title.replace(/\s*\(.*\)$/, '');
}

/** A space that cannot take the data's examples: convolutions over a table's rows, or an image too small to halve as often as the space does. */
function inputProblems(c: CheckContext): Problem[] {
  const { x, space, dataset } = c;
  const input = dataInput(x);
  const name = dataName(x, dataset.title);
  const entry = spaceEntry(x.space);
  if (!entry) return [];
  if (input.kind === 'flat' && !entry.flatInputs) {
    const what = dataset.kind === 'points' ? 'points in the plane (each example is two numbers)' : 'a table (each example is a row of numbers)';
    return [
      problem(
        'space',
        `The ${space.title} space cannot run on ${name}: it convolves and pools images, and ${name} is ${what}, with no pixels to convolve.`,
        'Choose the chain space (it builds MLPs for tables and points), or an image dataset.',
      ),
    ];
  }
  if (input.kind !== 'image' || !input.shape) return [];
  let why: string | null;
  try {
    why = createSpace(entry.id, x.spaceSettings as SpaceSettings).checkInput(input.shape);
  } catch (e) {
    // Settings the space cannot be built with: say so, as the engine would.
    return [problem(`spaceSettings.${entry.settings?.key ?? entry.id}`, e instanceof Error ? e.message : String(e), 'Change the space settings named above.')];
  }
  const { height, width } = input.shape;
  return why
    ? [problem('space', `The ${space.title} space cannot run on ${name} (${height} × ${width}): ${why}.`, 'Choose another dataset or search space.')]
    : [];
}

/** Settings that contradict themselves, whichever strategy is chosen (SPOS runs evolution's, for one). */
function settingsProblems(x: Experiment): Problem[] {
  const out: Problem[] = [];
  for (const entry of STRATEGIES) {
    const found = entry.settings && entry.checkSettings?.(own(x.strategySettings, entry.settings.key) as never);
    if (found) out.push(found);
  }
  return out;
}

/** The most validation and test may take together: the rest of each class trains. */
const MAX_HELD_OUT = 0.8;

/** Splits that leave too little to train on. */
function splitProblems(x: Experiment): Problem[] {
  const { validationFraction, testFraction } = x.data;
  if (validationFraction + testFraction <= MAX_HELD_OUT + 1e-9) return [];
  return [
    problem(
      'data.testFraction',
      `Validation (${validationFraction}) and test (${testFraction}) together hold out more than ${MAX_HELD_OUT} of every class, leaving too little to train on.`,
      'Lower the test or the validation fraction.',
    ),
  ];
}

/** Why `x` cannot run, most basic first: what the evaluator refuses, what the data needs and gives, what weight sharing needs, settings. */
export function problemsOf(x: Experiment): Problem[] {
  const c = contextOf(x);
  return [
    ...(evaluatorEntry(x.evaluator).check?.(c) ?? []),
    ...(datasetEntry(x.dataset).check?.(c) ?? []),
    ...inputProblems(c),
    ...splitProblems(x),
    ...syntheticProblems(x),
    ...weightSharing(c),
    ...settingsProblems(x),
  ];
}

/** A value outside the schema, as a problem of its field. */
function issueProblems(issues: readonly v.BaseIssue<unknown>[]): Problem[] {
  return issues.map((issue) =>
    problem(
      issue.path?.map((p) => String(p.key)).join('.') ?? '',
      `The experiment settings are not valid — ${describeIssues([issue])}.`,
      'Fix the value named above, or reset to the defaults.',
    ),
  );
}

/** Why settings from a form would not run: a value outside the schema, or a combination the rules refuse. */
export function problemsOfDraft(draft: unknown): Problem[] {
  const parsed = v.safeParse(ExperimentSchema, draft);
  return parsed.success ? problemsOf(parsed.output) : issueProblems(parsed.issues);
}

/** Would `x` with this change (and the moves the change brings) run? Its problems, or none. */
export function problemsWith(x: Experiment, patch: ExperimentPatch): Problem[] {
  return problemsOfDraft(adjustFor(x, patch).experiment);
}

/** Throws the first reason `x` cannot run, in the words the page shows beside the control: the engine asks before loading anything. */
export function assertRunnable(x: Experiment): void {
  const [first] = problemsOf(x);
  if (first) throw problemError(first);
}
