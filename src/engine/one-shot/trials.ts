import type { Experiment } from '../../core/experiment';
import { reward } from '../../core/objective';
import { Nb201Space, type Nb201Genotype } from '../../core/space/nb201';
import type { ArchGraph, SearchSpace } from '../../core/space/types';
import type { Nb201Table } from '../../data/nb201-table';
import type { TrainData } from '../../nn/train';
import type { SearchControl } from '../control';
import { SupernetEvaluator } from '../evaluate/supernet';
import type { LatencyOf } from '../evaluate/latency';
import type { Emit, Evaluation, TrialRecord } from '../../contracts/events';
import type { OneShotMethod, PathRanking } from './method';

/** Records a genotype as the next trial (its cost added, the table's accuracy where it has one) and emits it. */
export type RecordTrial = (genotype: unknown, origin: string, evaluation: Omit<Evaluation, 'params' | 'flops'>, graph: ArchGraph) => TrialRecord;

/** Appends to `trials`: the one-shot search's list, which checkpoints copy. */
export function trialRecorder(x: Experiment, space: SearchSpace, data: TrainData, table: Nb201Table | null, trials: TrialRecord[], emit: Emit): RecordTrial {
  return (genotype, origin, evaluation, graph) => {
    const cost = space.cost(genotype, data.input, data.classes);
    const entry = space instanceof Nb201Space && table ? table.get(genotype as Nb201Genotype, 'cifar10') : null;
    const reported = entry && Number.isFinite(entry.test200) ? { label: 'NB201 CIFAR-10 test (table)', accuracy: entry.test200 } : evaluation.reported;
    const result: Evaluation = { ...evaluation, ...cost, ...(reported ? { reported } : {}) };
    const trial: TrialRecord = {
      index: trials.length,
      encoded: space.encode(genotype),
      genotype,
      origin,
      graph,
      ...result,
      reward: reward(x.objective, result),
    };
    trials.push(trial);
    emit({ type: 'trial', trial });
    return trial;
  };
}

/** SPOS and ENAS end by scoring `budget` candidates with the shared weights; the best of them is the result. */
export async function rankWithSharedWeights(
  method: OneShotMethod,
  ranking: PathRanking,
  budget: number,
  space: SearchSpace,
  data: TrainData,
  record: RecordTrial,
  control: SearchControl,
  latency: LatencyOf | null = null,
): Promise<TrialRecord | null> {
  const evaluator = new SupernetEvaluator(method, space, data, latency);
  let best: TrialRecord | null = null;
  for (let i = 0; i < budget; i++) {
    const proposal = ranking.strategy.ask();
    const evaluation = await evaluator.evaluate(proposal.genotype, i, { between: () => control.checkpoint() });
    const trial = record(proposal.genotype, ranking.origin(proposal), evaluation, space.describe(proposal.genotype));
    if (ranking.learns) ranking.strategy.tell({ index: i, genotype: proposal.genotype, encoded: proposal.encoded, reward: trial.reward });
    if (!best || trial.reward > best.reward) best = trial;
  }
  return best;
}
