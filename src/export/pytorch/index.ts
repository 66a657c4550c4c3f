import { graphWeights, type TrainedModel } from '../../core/net/index';
import { CHAIN_OP_TABLE } from '../../core/ops/chain';
import { HIER_OP_TABLE } from '../../core/ops/hier';
import { RESOLUTION_OP_TABLE } from '../../core/ops/resolution';
import { channelsFirst } from '../layout';
import { npz } from '../npz';
import { pythonLiteral } from '../python-literal';
import { NETWORK_PY } from './networks-py';
import { OPS_PY } from './ops-py';
import { PREDICT_PY, pytorchReadme } from './readme';

/** The spellings of chain, resolution-path and hierarchical genotypes mapped to op names (generated from the op tables). */
function tokens(space: string): Record<string, string> {
  const table = space === 'chain' ? CHAIN_OP_TABLE : space === 'resolution' ? RESOLUTION_OP_TABLE : space === 'hierarchical' ? HIER_OP_TABLE : {};
  return Object.fromEntries(Object.entries(table).map(([id, info]) => [(info as { token: string }).token, id]));
}

/** model.py: the space's network classes, then this model's settings and how to build and load it. */
export function modelPy(model: TrainedModel): string {
  const { graph, about } = model;
  return `${NETWORK_PY[about.space]}

# ---- This model: the space's settings, its input and classes, and how to build and load it. ----

import os

import numpy as np

from genotype import GENOTYPE

SETTINGS = ${pythonLiteral(about.settings)}
# One example is H x W x C (the playground's layout); the network itself takes N x C x H x W.
INPUT_SHAPE = (${graph.input.height}, ${graph.input.width}, ${graph.input.channels})
CLASS_NAMES = ${pythonLiteral(about.classNames)}
TOKENS = ${pythonLiteral(tokens(about.space))}


def build_model(genotype=GENOTYPE, classes=len(CLASS_NAMES)):
    return Network(genotype, SETTINGS, INPUT_SHAPE, classes)


def load_weights(model, path=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'weights.npz')):
    """Loads the exported weights (numpy's .npz, one array per state_dict key); every key must fit."""
    arrays = np.load(path)
    result = model.load_state_dict({k: torch.from_numpy(arrays[k]) for k in arrays.files}, strict=False)
    missing = [k for k in result.missing_keys if not k.endswith('num_batches_tracked')]
    if missing or result.unexpected_keys:
        raise ValueError(f'weights.npz does not fit the model: missing {missing}, unexpected {result.unexpected_keys}')
    return model


def load_model():
    """The trained model, in inference mode."""
    return load_weights(build_model()).eval()
`;
}

export function genotypePy(model: TrainedModel): string {
  const { about } = model;
  return `"""The architecture found by NAS Playground (${about.space} space), as plain data.

Trial ${about.trial + 1} (${about.origin}), validation accuracy ${(about.accuracy * 100).toFixed(2)} % on ${about.dataset}.
"""

ENCODED = ${JSON.stringify(about.encoded)}

GENOTYPE = ${pythonLiteral(about.genotype)}
`;
}

/** The weights as PyTorch's state_dict keys and layouts (channels first, linear layers [out, in]). */
export function weightsNpz(model: TrainedModel): Uint8Array {
  return npz(
    graphWeights(model.graph).map(({ node, index, spec }, k) => {
      const w = channelsFirst(node, index, model.weights[k]!, true);
      return { name: spec.name, data: w.data, shape: w.shape };
    }),
  );
}

/** The PyTorch download: readable code, the genotype beside it, weights numpy and torch load, predict.py, a README. */
export function toPytorch(model: TrainedModel): Record<string, Uint8Array | string> {
  return {
    'ops.py': OPS_PY,
    'model.py': modelPy(model),
    'genotype.py': genotypePy(model),
    'weights.npz': weightsNpz(model),
    'predict.py': PREDICT_PY,
    'README.md': pytorchReadme(model),
  };
}
