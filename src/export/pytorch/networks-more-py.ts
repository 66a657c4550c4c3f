/** The chain, MnasNet and resolution-path networks as PyTorch code (see networks-py.ts). */
export const CHAIN_PY = String.raw`


class Layer(nn.Module):
    """One layer: its op reads the channel concatenation of the previous layer and its skips."""

    def __init__(self, op, c_in, c_out, stride, one_pixel):
        super().__init__()
        self.op = OPS[op](c_in, c_out, 1 if one_pixel else stride, one_pixel=one_pixel, reduce='subsample')


class Network(nn.Module):
    """A chain: layer j reads its predecessor and its skips, the larger maps average-pooled down."""

    def __init__(self, genotype, settings, input_shape, classes):
        super().__init__()
        one_pixel = input_shape[0] == 1 and input_shape[1] == 1
        node, factors, self.skips = [input_shape[2]], [1], []
        layers = []
        for j, layer in enumerate(genotype['layers']):
            c_in = node[j] + sum(node[s] for s in layer['skips'])
            c_out = layer['width'] if layer['width'] is not None else c_in
            layers.append(Layer(TOKENS[layer['op']], c_in, c_out, layer['stride'], one_pixel))
            self.skips.append([(s, factors[j] // factors[s]) for s in layer['skips']])
            node.append(c_out)
            factors.append(factors[j] * (1 if one_pixel else layer['stride']))
        self.layers = nn.ModuleList(layers)
        self.head = Head(node[-1], classes)

    def forward(self, x):
        outputs = [x]
        for j, layer in enumerate(self.layers):
            sources = [outputs[j]] + [outputs[s] if f == 1 else self.pool(outputs[s], f) for s, f in self.skips[j]]
            outputs.append(layer.op(torch.cat(sources, dim=1)))
        return self.head(outputs[-1])

    @staticmethod
    def pool(x, f):
        return Pool('avg', f, f)(x)


def from_choices(choices, settings, vocabulary):
    """Per layer: op (with width), stride, then one yes/no per earlier layer for a skip."""
    options = [(op, w) for op in vocabulary if op.startswith('conv') for w in settings['widths']]
    options += [(op, None) for op in vocabulary if not op.startswith('conv')]
    layers, k = [], 0
    for j in range(settings['depth']):
        op, width = options[choices[k]]
        stride = 2 if choices[k + 1] == 1 else 1
        skips = [s for s in range(j) if choices[k + 2 + s] == 1]
        layers.append({'op': op, 'width': width, 'stride': stride, 'skips': skips})
        k += 2 + j
    return {'layers': layers}
`;

export const MNAS_PY = String.raw`


def stage_shape(settings, i, stage):
    """Channels rounded to an even count, and at least one layer (as the playground rounds them)."""
    width = max(2, 2 * math.floor(settings['baseWidths'][i] * stage['width'] / 2 + 0.5))
    return width, max(1, settings['baseLayers'][i] + stage['layers'])


def stage_layers(settings, i, stage):
    """(conv, kernel, se, skip) per layer: the stage's block repeated, or its own blocks (ProxylessNAS; zero left out)."""
    if 'blocks' in stage:
        return [('mbconv' + b[2], int(b[-1]), 0, True) for b in stage['blocks'] if b != 'zero']
    _, count = stage_shape(settings, i, stage)
    return [(stage['conv'], stage['kernel'], stage['se'], stage['skip'] == 'identity')] * count


class Network(nn.Module):
    """Stem, then each stage's layers (the first one strided), global pooling, linear."""

    def __init__(self, genotype, settings, input_shape, classes):
        super().__init__()
        self.stem = ConvBN(input_shape[2], settings['stemChannels'], 3)
        c_in, layers = settings['stemChannels'], []
        for i, stage in enumerate(genotype['stages']):
            width, _ = stage_shape(settings, i, stage)
            for layer, (conv, kernel, se, skip) in enumerate(stage_layers(settings, i, stage)):
                stride = settings['strides'][i] if layer == 0 else 1
                layers.append(OPS[conv](c_in, width, stride, kernel=kernel, se=se, skip=skip))
                c_in = width
        self.layers = nn.ModuleList(layers)
        self.head = Head(c_in, classes)

    def forward(self, x):
        h = self.stem(x)
        for layer in self.layers:
            h = layer(h)
        return self.head(h)


FIELDS = ['conv', 'kernel', 'se', 'skip', 'width', 'layers']


def from_choices(choices, settings, options):
    """Six decisions per stage, in FIELDS order; options maps a field to its values."""
    return {'stages': [{f: options[f][choices[i * 6 + k]] for k, f in enumerate(FIELDS)} for i in range(len(settings['baseWidths']))]}
`;

export const RESOLUTION_PY = String.raw`


class Step(nn.Module):
    """One step of the path: a strided conv to a coarser level, ×2 upsampling and a 1 × 1 conv to a finer one, then a residual block."""

    def __init__(self, c_in, c_out, move, block):
        super().__init__()
        self.move = move
        self.transition = ConvBN(c_in, c_out, 3, 2) if move == 'coarser' else ConvBN(c_in, c_out, 1) if move == 'finer' else None
        self.block = OPS[block](c_out, c_out, 1)

    def forward(self, x):
        if self.move == 'finer':
            x = F.interpolate(x, scale_factor=2, mode='nearest')
        t = self.transition(x) if self.transition is not None else x
        return t + self.block(t)


class Network(nn.Module):
    def __init__(self, genotype, settings, input_shape, classes):
        super().__init__()
        channels = lambda level: settings['channels'] * 2 ** level
        self.stem = ConvBN(input_shape[2], settings['channels'], 3)
        steps, level = [], 0
        for nxt in genotype['path']:
            move = 'coarser' if nxt > level else 'finer' if nxt < level else 'stay'
            steps.append(Step(channels(level), channels(nxt), move, TOKENS[genotype['block']]))
            level = nxt
        self.steps = nn.ModuleList(steps)
        self.head = Head(channels(level), classes)

    def forward(self, x):
        h = self.stem(x)
        for step in self.steps:
            h = step(h)
        return self.head(h)


def from_choices(choices, settings, vocabulary):
    """One move per layer (up a level to a finer map, stay, down to a coarser one; kept on the ladder), then the block."""
    level, path = 0, []
    for m in choices[:settings['layers']]:
        level = min(settings['levels'] - 1, max(0, level + m - 1))
        path.append(level)
    return {'path': path, 'block': vocabulary[choices[settings['layers']]]}
`;
