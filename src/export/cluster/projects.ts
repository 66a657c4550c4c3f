import type { Experiment } from '../../core/experiment';
import { pythonLiteral } from '../python-literal';
import type { ClusterInput } from './index';

/** How a strategy maps onto Ray Tune: a scheduler and a search algorithm (imports, then construction). */
function rayStrategy(x: Experiment): { imports: string; scheduler: string; search: string; note: string } {
  const eta = x.strategySettings.hyperband.eta;
  const epochs = x.training.epochs;
  switch (x.strategy) {
    case 'hyperband':
      return {
        imports: 'from ray.tune.schedulers import ASHAScheduler',
        scheduler: `ASHAScheduler(time_attr='training_iteration', max_t=${epochs}, grace_period=1, reduction_factor=${eta})`,
        search: 'None',
        note: 'Hyperband with epochs as the fidelity: ASHA, its asynchronous form.',
      };
    case 'bohb':
      return {
        imports: 'from ray.tune.schedulers import HyperBandForBOHB\nfrom ray.tune.search.bohb import TuneBOHB',
        scheduler: `HyperBandForBOHB(time_attr='training_iteration', max_t=${epochs}, reduction_factor=${eta})`,
        search: 'TuneBOHB()',
        note: 'BOHB: Hyperband brackets with a TPE-like model proposing the configurations.',
      };
    case 'tpe':
      return { imports: 'from ray.tune.search.hyperopt import HyperOptSearch', scheduler: 'None', search: 'HyperOptSearch()', note: 'TPE through hyperopt.' };
    case 'evolution':
    case 'pnas':
    case 'reinforce':
    case 'reinforce-lstm':
    case 'bananas':
      return {
        imports: 'import optuna\nfrom ray.tune.search.optuna import OptunaSearch',
        scheduler: 'None',
        search: `OptunaSearch(sampler=optuna.samplers.NSGAIISampler(population_size=${x.strategySettings.evolution.population}, seed=${x.seed}))`,
        note: `Evolution-like search (a genetic algorithm over the decisions), the nearest of Tune's searchers to ${x.strategy}.`,
      };
    default:
      return {
        imports: 'from ray.tune.search import BasicVariantGenerator',
        scheduler: 'None',
        search: `BasicVariantGenerator(random_state=${x.seed})`,
        note: 'Random search.',
      };
  }
}

export function rayTunePy(x: Experiment, decisions: Array<{ name: string; options: Array<string | number> }>): string {
  const s = rayStrategy(x);
  return `"""Runs the playground's search on Ray Tune: python3 tune_search.py (Ray 2.x with ray[tune] and torch on every node).

${s.note}
"""
import os

from ray import train, tune
${s.imports}

from trial import run_trial

RESULTS = os.path.abspath('results.jsonl')

# One Tune sampling primitive per decision of the playground's space, hyperparameters included.
PARAM_SPACE = {
${decisions.map((d) => `    ${JSON.stringify(d.name)}: tune.choice(${pythonLiteral(d.options)}),`).join('\n')}
}


def trainable(config):
    run_trial(config, report=train.report, trial_id=train.get_context().get_trial_id(), origin='ray', results=RESULTS)


def main():
    tuner = tune.Tuner(
        trainable,
        param_space=PARAM_SPACE,
        tune_config=tune.TuneConfig(metric='accuracy', mode='max', num_samples=${x.budget}, scheduler=${s.scheduler}, search_alg=${s.search}),
    )
    best = tuner.fit().get_best_result()
    print('best accuracy', best.metrics['accuracy'], 'config', best.config)
    print('trial results (drop on the page, or npm run search -- --import):', RESULTS)


if __name__ == '__main__':
    main()
`;
}

const NNI_TUNERS: Record<string, string> = {
  random: 'Random',
  grid: 'GridSearch',
  evolution: 'Evolution',
  tpe: 'TPE',
  hyperband: 'Hyperband',
  bohb: 'BOHB',
};

export function nniConfig(x: Experiment): string {
  const name = NNI_TUNERS[x.strategy] ?? 'TPE';
  const eta = x.strategySettings.hyperband.eta;
  const args: Record<string, string | number> = { optimize_mode: 'maximize' };
  if (name === 'Evolution') args.population_size = x.strategySettings.evolution.population;
  if (name === 'Hyperband') Object.assign(args, { R: x.training.epochs, eta });
  if (name === 'BOHB') Object.assign(args, { min_budget: 1, max_budget: x.training.epochs, eta });
  return `# NNI experiment for the playground's search: nnictl create --config config.yml
# Strategy in the playground: ${x.strategy}${NNI_TUNERS[x.strategy] ? '' : ' (no NNI tuner of that name: TPE, model-based like it)'}.
experimentName: nas-playground-${x.space}
searchSpaceFile: search_space.json
trialCommand: python3 nni_trial.py
trialCodeDirectory: .
trialConcurrency: 1
maxTrialNumber: ${x.budget}
tuner:
  name: ${name}
  classArgs:
${Object.entries(args)
  .map(([k, v]) => `    ${k}: ${v}`)
  .join('\n')}
trainingService:
  platform: local
`;
}

export const NNI_TRIAL_PY = String.raw`"""One NNI trial: the tuner's parameters in, accuracy per epoch and at the end out."""
import nni

from trial import run_trial

if __name__ == '__main__':
    params = nni.get_next_parameter()
    # Hyperband and BOHB pass the epochs to train as TRIAL_BUDGET.
    epochs = int(params['TRIAL_BUDGET']) if 'TRIAL_BUDGET' in params else None
    record = run_trial(params, report=lambda m: nni.report_intermediate_result(m['accuracy']), epochs=epochs, trial_id=nni.get_trial_id(), origin='nni')
    nni.report_final_result(record['accuracy'])
`;

export function clusterReadme(kind: 'ray' | 'nni', input: ClusterInput): string {
  const x = input.experiment;
  const run =
    kind === 'ray'
      ? 'pip install "ray[tune]" torch numpy   # plus hyperopt, optuna or hpbandster if the strategy needs it\npython3 tune_search.py'
      : 'pip install nni torch numpy\nnnictl create --config config.yml';
  return `# The ${x.space} search on ${kind === 'ray' ? 'Ray Tune' : 'NNI'}

Exported by NAS Playground: the ${x.space} space (${input.space.decisions().length} decisions), strategy ${x.strategy}, budget ${x.budget}, ${x.training.epochs} epochs, seed ${x.seed}.

\`\`\`sh
${run}
\`\`\`

| file | what |
| --- | --- |
| ${kind === 'ray' ? '`tune_search.py` | the search space as Tune sampling primitives, the scheduler and searcher for the strategy' : "`search_space.json`, `config.yml`, `nni_trial.py` | the search space in NNI's format, the experiment, the trial entry point"} |
| \`trial.py\` | one trial: build the sampled network, train it, report accuracy per epoch, append to \`results.jsonl\` |
| \`search_space.py\`, \`experiment.json\` | the decisions, and how a sample becomes a genotype and training settings |
| \`model.py\`, \`ops.py\`, \`genotype.py\` | the network code (as in the PyTorch download); the playground's best genotype |
| \`data.npz\` | the experiment's prepared training and validation split (N × H × W × C) |

\`results.jsonl\` holds one line per finished trial in the playground's trial format: drop it on the
page, or run \`npm run search -- --import results.jsonl\`, to see the trials in the trial table, the charts
and the comparison view. Try one trial without ${kind === 'ray' ? 'Ray' : 'NNI'}:

\`\`\`sh
python3 -c "from trial import run_trial; from search_space import DECISIONS; print(run_trial({d['name']: d['options'][0] for d in DECISIONS}, report=print, epochs=1))"
\`\`\`
`;
}
