/**
 * The hierarchical space's network as PyTorch code (see networks-py.ts; it mirrors
 * src/core/net/describe-hier.ts). Its depthwise primitive is registered in OPS here, beside the
 * only network that uses it.
 */
export const HIER_PY = String.raw`
from ops import Depthwise


class DwConv(nn.Module):
    """The depthwise primitive: ReLU, depthwise 3 x 3, BN."""

    def __init__(self, c, stride):
        super().__init__()
        self.depthwise = Depthwise(c, 3, 1, stride)
        self.bn = batch_norm(c)

    def forward(self, x):
        return self.bn(self.depthwise(F.relu(x)))


OPS['dw_conv_3x3'] = lambda c_in, c_out, stride, **_: DwConv(c_in, stride)


def pairs(n):
    """The pairs i < j of an n-node DAG, column by column, as genotypes list their edges."""
    return [(i, j) for j in range(1, n) for i in range(j)]


def live_inputs(n, ops):
    """Per node, its edges (index, source, op) if the output depends on it; other nodes are not built."""
    live = [k == n - 1 for k in range(n)]
    for e, (i, j) in reversed(list(enumerate(pairs(n)))):
        if ops[e] != 'none' and live[j]:
            live[i] = True
    inputs = [[] for _ in range(n)]
    for e, (i, j) in enumerate(pairs(n)):
        if ops[e] != 'none' and live[j]:
            inputs[j].append((e, i, ops[e]))
    return inputs


class Dag(nn.Module):
    """One motif: node j concatenates its edges' outputs; several are brought back to c channels by a ReLU-1 x 1 conv-BN."""

    def __init__(self, n, ops, c, make_edge):
        super().__init__()
        self.inputs = live_inputs(n, ops)
        self.edges = nn.ModuleDict({str(e): make_edge(op) for ins in self.inputs for e, _, op in ins})
        self.merges = nn.ModuleDict({str(j): ConvBN(len(ins) * c, c, 1, relu='before') for j, ins in enumerate(self.inputs) if len(ins) > 1})

    def forward(self, x):
        nodes = [x] + [None] * (len(self.inputs) - 1)
        for j, ins in enumerate(self.inputs):
            if j == 0 or not ins:
                continue
            parts = [self.edges[str(e)](nodes[i]) for e, i, _ in ins]
            nodes[j] = parts[0] if len(parts) == 1 else self.merges[str(j)](torch.cat(parts, dim=1))
        return nodes[-1]


class Reduction(nn.Module):
    """Between cells: ReLU, depthwise 3 x 3 at stride 2, pointwise to twice the channels, BN."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.depthwise = Depthwise(c_in, 3, 1, 2)
        self.pointwise = Conv(c_in, c_out, (1, 1))
        self.bn = batch_norm(c_out)

    def forward(self, x):
        return self.bn(self.pointwise(self.depthwise(F.relu(x))))


class Network(nn.Module):
    """Stem, the cells (the level-3 motif over level-2 motifs over primitives) with reductions between, global pooling, linear."""

    def __init__(self, genotype, settings, input_shape, classes):
        super().__init__()
        c = settings['channels']
        self.stem = ConvBN(input_shape[2], c, 3)

        def primitive(op, ch):
            return OPS[TOKENS[op]](ch, ch, 1)

        def level3(op, ch):
            if op == 'id':
                return nn.Identity()
            ops = genotype['motifs'][int(op[1:]) - 1]
            return Dag(settings['motifNodes'], ops, ch, lambda o: primitive(o, ch))

        cells, reductions = [], []
        for k in range(settings['cells']):
            ch = c * 2**k
            if k > 0:
                reductions.append(Reduction(ch // 2, ch))
            cells.append(Dag(settings['cellNodes'], genotype['cell'], ch, lambda o, ch=ch: level3(o, ch)))
        self.reductions = nn.ModuleList(reductions)
        self.cells = nn.ModuleList(cells)
        self.head = Head(c * 2 ** (settings['cells'] - 1), classes)

    def forward(self, x):
        h = self.stem(x)
        for k, cell in enumerate(self.cells):
            if k > 0:
                h = self.reductions[k - 1](h)
            h = cell(h)
        return self.head(h)


def from_choices(choices, settings, vocabulary):
    """One op per pair of each level-2 motif, then of the level-3 motif; a node left without an input gets the identity from the node before."""

    def repair(ops, n):
        fed = {j for (i, j), op in zip(pairs(n), ops) if op != 'none'}
        for j in range(1, n):
            if j not in fed:
                ops[pairs(n).index((j - 1, j))] = 'id'
        return ops

    per = len(pairs(settings['motifNodes']))
    motifs = [repair([vocabulary['level1'][c] for c in choices[m * per : (m + 1) * per]], settings['motifNodes']) for m in range(settings['motifs'])]
    cell = repair([vocabulary['level3'][c] for c in choices[settings['motifs'] * per :]], settings['cellNodes'])
    return {'motifs': motifs, 'cell': cell}
`;
