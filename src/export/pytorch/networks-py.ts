import { HIER_PY } from './networks-hier-py';
import { CHAIN_PY, MNAS_PY, RESOLUTION_PY } from './networks-more-py';

/**
 * The network of each space as PyTorch code that reads its genotype (plain data, as published NAS
 * code keeps genotypes): the structure rules mirror src/core/net's describers, module attribute
 * names match the layer graph's weight names. `from_choices` turns a cluster search's sampled
 * decisions (one index per decision, in the space's order) into a genotype.
 */
export const HEADER = String.raw`import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from ops import OPS, ConvBN, Conv, FactorizedReduce, Head, Pool, batch_norm
`;

const CELL = String.raw`

class Cell(nn.Module):
    """A normal or reduction cell: node j adds the ops on its two edges; the output concatenates spec['concat']."""

    def __init__(self, spec, c_prev_prev, c_prev, c, reduction, reduction_prev):
        super().__init__()
        self.pre0 = FactorizedReduce(c_prev_prev, c) if reduction_prev else ConvBN(c_prev_prev, c, 1, relu='before')
        self.pre1 = ConvBN(c_prev, c, 1, relu='before')
        self.inputs = [i for _, i in spec['edges']]
        self.concat = spec['concat']
        self.edges = nn.ModuleList(OPS[op](c, c, 2 if reduction and i < 2 else 1) for op, i in spec['edges'])

    def forward(self, s0, s1):
        states = [self.pre0(s0), self.pre1(s1)]
        for e in range(0, len(self.edges), 2):
            states.append(self.edges[e](states[self.inputs[e]]) + self.edges[e + 1](states[self.inputs[e + 1]]))
        return torch.cat([states[n] for n in self.concat], dim=1)


class Network(nn.Module):
    """Stem, 3N + 2 cells (reductions after the first and second thirds), global pooling, linear."""

    def __init__(self, genotype, settings, input_shape, classes):
        super().__init__()
        n, c = settings['cellsPerStage'], settings['channels']
        stem = settings['stemMultiplier'] * c
        self.stem = ConvBN(input_shape[2], stem, 3, relu='none')
        c_prev_prev, c_prev, reduction_prev = stem, stem, False
        cells = []
        for i in range(3 * n + 2):
            reduction = i in (n, 2 * n + 1)
            if reduction:
                c *= 2
            spec = genotype['reduce' if reduction else 'normal']
            cells.append(Cell(spec, c_prev_prev, c_prev, c, reduction, reduction_prev))
            c_prev_prev, c_prev, reduction_prev = c_prev, len(spec['concat']) * c, reduction
        self.cells = nn.ModuleList(cells)
        self.head = Head(c_prev, classes)

    def forward(self, x):
        s0 = s1 = self.stem(x)
        for cell in self.cells:
            s0, s1 = s1, cell(s0, s1)
        return self.head(s1)


def _unused(edges, nodes):
    used = {i for _, i in edges}
    return [j + 2 for j in range(nodes) if j + 2 not in used]


def from_choices(choices, settings, vocabulary):
    """Decisions per cell type and node: op 1, input 1, op 2, input 2."""
    per = 4 * settings['nodes']

    def cell(offset):
        edges = [[vocabulary[choices[offset + k]], choices[offset + k + 1]] for k in range(0, per, 2)]
        concat = [j + 2 for j in range(settings['nodes'])] if settings['concat'] == 'all' else _unused(edges, settings['nodes'])
        return {'edges': edges, 'concat': concat}

    return {'normal': cell(0), 'reduce': cell(per)}
`;

const NB201 = String.raw`

EDGES = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]


class Cell(nn.Module):
    """NAS-Bench-201's cell: node j sums its incoming edges' ops ('none' adds zeros); the output is node 3."""

    def __init__(self, genotype, c):
        super().__init__()
        self.edges = nn.ModuleList(OPS[op](c, c, 1) for op in genotype['ops'])

    def forward(self, x):
        nodes = [x]
        for to in (1, 2, 3):
            nodes.append(sum(self.edges[e](nodes[a]) for e, (a, b) in enumerate(EDGES) if b == to))
        return nodes[3]


class ResidualReduction(nn.Module):
    """The benchmark's residual block between stages: halves H and W, doubles the channels."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv_a = ConvBN(c_in, c_out, 3, 2, relu='before')
        self.conv_b = ConvBN(c_out, c_out, 3, relu='before')
        self.shortcut = Conv(c_in, c_out, (1, 1))

    def forward(self, x):
        return self.conv_b(self.conv_a(x)) + self.shortcut(F.avg_pool2d(x, 2, 2))


class Network(nn.Module):
    def __init__(self, genotype, settings, input_shape, classes):
        super().__init__()
        c = settings['channels']
        self.stem = ConvBN(input_shape[2], c, 3, relu='none')
        cells = []
        for stage in range(3):
            if stage > 0:
                cells.append(ResidualReduction(c, 2 * c))
                c *= 2
            cells.extend(Cell(genotype, c) for _ in range(settings['cellsPerStage']))
        self.cells = nn.ModuleList(cells)
        self.last_bn = batch_norm(c)
        self.head = Head(c, classes)

    def forward(self, x):
        h = self.stem(x)
        for cell in self.cells:
            h = cell(h)
        return self.head(F.relu(self.last_bn(h)))


def from_choices(choices, settings, vocabulary):
    return {'ops': [vocabulary[c] for c in choices]}
`;

/** The Python of each space's network, after the shared imports. */
export const NETWORK_PY: Record<string, string> = {
  cell: HEADER + CELL,
  nb201: HEADER + NB201,
  chain: HEADER + CHAIN_PY,
  mnas: HEADER + MNAS_PY,
  resolution: HEADER + RESOLUTION_PY,
  hierarchical: HEADER + HIER_PY,
};
