import { BENCHMARK_DATASETS } from '../dataset/index';
import { problem, type Problem } from '../problems';
import { defineEvaluator } from './entry';

/** The space the table covers. */
const SPACE = 'nb201';

const oneFidelity = (name: string): Problem =>
  problem(
    'strategy',
    `${name} starts candidates on a few epochs, but the NAS-Bench-201 table shipped here holds one training length (12 epochs), so there is no lower fidelity to start from.`,
    'Train from scratch with 9 or more epochs, or pick another strategy for the table.',
  );

export const nb201Lookup = defineEvaluator({
  id: 'nb201',
  name: 'The NAS-Bench-201 lookup',
  title: 'Look up in NAS-Bench-201 (instant)',
  blurb:
    "Each query reads a cell's published 12-epoch validation accuracy (the reward) and its 200-epoch test accuracy (reported, never seen by the search): thousands of trials in seconds.",
  table: true,
  fidelities: false,
  sharesWeights: false,
  tableSpace: SPACE,
  oneFidelity,
  check: ({ x, dataset, strategy }) => {
    const out: Problem[] = [];
    if (x.space !== SPACE || dataset.kind !== 'benchmark') {
      out.push(
        problem(
          x.space !== SPACE ? 'space' : 'dataset',
          `The NAS-Bench-201 lookup scores cells of the ${SPACE} space on ${BENCHMARK_DATASETS.join(', ')}; this experiment has space "${x.space}" and dataset "${x.dataset}".`,
          'Choose the nb201 space and a benchmark dataset, or train from scratch.',
        ),
      );
    }
    if (x.objective.kind === 'mnas' && x.objective.cost === 'latency') {
      out.push(
        problem(
          'objective.cost',
          'A table lookup runs no model, so there is no latency to trade accuracy against.',
          'Use FLOPs or parameters as the cost, or train from scratch.',
        ),
      );
    }
    if (strategy.multiFidelity) out.push(oneFidelity(strategy.name));
    if (x.surrogate.enabled)
      out.push(
        problem(
          'surrogate.enabled',
          'A table lookup is already free, so predicting it with a surrogate saves nothing.',
          'Turn the surrogate off, or train from scratch.',
        ),
      );
    if (x.hpo.enabled) {
      out.push(
        problem(
          'hpo.enabled',
          'The NAS-Bench-201 table was made with one set of training hyperparameters, so they cannot be searched by lookup.',
          'Turn hyperparameter search off, or train from scratch.',
        ),
      );
    }
    return out;
  },
});
