import type { RunEvent, StartInfo, TrialRecord } from '../contracts/events';
import { bestTrial } from '../contracts/trials';
import type { SearchSpace } from '../core/space/types';

/** The events of a finished run made of trials that ran elsewhere (an exported Ray Tune or NNI project's results). */
export function importedRunEvents(trials: TrialRecord[], origin: string, space: SearchSpace): RunEvent[] {
  const info: StartInfo = {
    backend: origin,
    dataset: { title: `${origin} results`, train: 0, val: 0, classes: 0 },
    evaluator: origin,
    spaceTitle: space.title,
    spaceSize: space.size(),
    budget: trials.length,
  };
  return [
    { type: 'start', info },
    ...trials.map((trial): RunEvent => ({ type: 'trial', trial })),
    { type: 'done', stopped: false, digest: null, best: bestTrial(trials)?.index ?? null },
  ];
}
