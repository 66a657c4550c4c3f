import type { Experiment } from '../../core/experiment';
import type { TrainedModel } from '../../core/net/index';
import { CELL_OP_SETS } from '../../core/ops/cell';
import { HIER_TOKENS } from '../../core/ops/hier';
import { CHAIN_OPS } from '../../core/space/chain';
import type { HierSpace } from '../../core/space/hier';
import { MNAS_CONVS, MNAS_KERNELS, MNAS_LAYER_DELTAS, MNAS_SE, MNAS_SKIPS, MNAS_WIDTHS } from '../../core/space/mnas';
import { NB201_OPS } from '../../core/space/nb201';
import { RESOLUTION_BLOCKS } from '../../core/space/resolution';
import type { SearchSpace } from '../../core/space/types';
import { HP_KEYS, WithHyperparameters } from '../../core/space/with-hyperparameters';
import { npz } from '../npz';
import { genotypePy, modelPy } from '../pytorch/index';
import { OPS_PY } from '../pytorch/ops-py';
import { nniConfig, NNI_TRIAL_PY, rayTunePy, clusterReadme } from './projects';
import { searchSpacePy, TRIAL_PY } from './trial-py';

/** The experiment's prepared data (N × H × W × C examples, class indices), as the trials train on it. */
export interface ClusterData {
  train: { x: Float32Array; y: Int32Array; n: number };
  val: { x: Float32Array; y: Int32Array; n: number };
  input: { height: number; width: number; channels: number };
  classes: number;
}

export interface ClusterInput {
  experiment: Experiment;
  space: SearchSpace;
  /** The search's best model: its code, settings and class names are the project's model code and default genotype. */
  model: TrainedModel;
  data: ClusterData;
}

/** What `from_choices` needs besides the settings: the op names (for MnasNet every field's options, for the hierarchical space each level's) in decision order. */
function vocabulary(space: SearchSpace): unknown {
  const inner = space instanceof WithHyperparameters ? space.inner : space;
  const settings = (inner as unknown as { settings: Record<string, unknown> }).settings;
  switch (inner.id) {
    case 'cell':
      return CELL_OP_SETS[settings.ops as keyof typeof CELL_OP_SETS];
    case 'nb201':
      return NB201_OPS;
    case 'chain':
      return CHAIN_OPS;
    case 'resolution':
      return RESOLUTION_BLOCKS;
    case 'hierarchical':
      return { level1: HIER_TOKENS, level3: (inner as HierSpace).cellTokens };
    default:
      return { conv: MNAS_CONVS, kernel: MNAS_KERNELS, se: MNAS_SE, skip: MNAS_SKIPS, width: MNAS_WIDTHS, layers: MNAS_LAYER_DELTAS };
  }
}

/** The search space's decisions; a hyperparameter's options as numbers (NNI's choices are all numbers or all strings). */
export function clusterDecisions(space: SearchSpace): Array<{ name: string; options: Array<string | number> }> {
  const hp = new Set<string>(space instanceof WithHyperparameters ? HP_KEYS : []);
  return space.decisions().map((d) => ({ name: d.name, options: d.options.map((o) => (hp.has(d.name) ? Number(o) : o)) }));
}

function floats(values: Int32Array): Float32Array {
  return Float32Array.from(values);
}

/** Files both projects share: the model code, the search space, the trial and the data. */
function common(input: ClusterInput): Record<string, string | Uint8Array> {
  const { experiment: x, space, model, data } = input;
  const { height, width, channels } = data.input;
  const experiment = {
    space: model.about.space,
    strategy: x.strategy,
    seed: x.seed,
    budget: x.budget,
    input: [height, width, channels],
    classes: data.classes,
    classNames: model.about.classNames,
    training: {
      epochs: x.training.epochs,
      batchSize: x.training.batchSize,
      optimizer: x.training.optimizer,
      learningRate: x.training.learningRate,
      weightDecay: x.training.weightDecay,
    },
    decisions: clusterDecisions(space),
    vocabulary: vocabulary(space),
  };
  const shape = (n: number) => [n, height, width, channels];
  return {
    'ops.py': OPS_PY,
    'model.py': modelPy(model),
    'genotype.py': genotypePy(model),
    'search_space.py': searchSpacePy(space instanceof WithHyperparameters ? HP_KEYS : []),
    'trial.py': TRIAL_PY,
    'experiment.json': JSON.stringify(experiment, null, 2) + '\n',
    'data.npz': npz([
      { name: 'train_x', data: data.train.x.subarray(0, data.train.n * height * width * channels), shape: shape(data.train.n) },
      { name: 'train_y', data: floats(data.train.y.subarray(0, data.train.n)), shape: [data.train.n] },
      { name: 'val_x', data: data.val.x.subarray(0, data.val.n * height * width * channels), shape: shape(data.val.n) },
      { name: 'val_y', data: floats(data.val.y.subarray(0, data.val.n)), shape: [data.val.n] },
    ]),
  };
}

/** The search as a Ray Tune project: Tune's sampling primitives, the matching scheduler, the shared trial. */
export function toRay(input: ClusterInput): Record<string, string | Uint8Array> {
  return { ...common(input), 'tune_search.py': rayTunePy(input.experiment, clusterDecisions(input.space)), 'README.md': clusterReadme('ray', input) };
}

/** The search as an NNI experiment: search_space.json in NNI's format, config.yml, the shared trial. */
export function toNni(input: ClusterInput): Record<string, string | Uint8Array> {
  const searchSpace = Object.fromEntries(clusterDecisions(input.space).map((d) => [d.name, { _type: 'choice', _value: d.options }]));
  return {
    ...common(input),
    'search_space.json': JSON.stringify(searchSpace, null, 2) + '\n',
    'config.yml': nniConfig(input.experiment),
    'nni_trial.py': NNI_TRIAL_PY,
    'README.md': clusterReadme('nni', input),
  };
}
