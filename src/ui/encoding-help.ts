/**
 * How each space writes an architecture in the trial table (its canonical `encode` string), in
 * words, with an example read aloud: the codes are exact and short, and this is their key.
 */
const HELP: Record<string, string> = {
  chain:
    'Layers in order, separated by |. conv5x5-16/2<0 is a 5×5 convolution with 16 output channels and stride 2 (it halves the height and width), also fed by node 0 (the input) through a skip connection; max_pool3x3 and identity keep their input’s channels.',
  'chain-flat':
    'Layers in order, separated by |. dense-16<0 is a dense layer of 16 units (with batch norm and ReLU), also fed by node 0 (the input row) through a skip connection; identity passes its input on.',
  cell: 'The normal cell, then the reduction cell. op~i is one input of a node: the op applied to input i (0 and 1 are the two previous cells, 2 onwards the cell’s own nodes), two per node; after | come the nodes the cell outputs.',
  nb201:
    'The cell’s six edges, a node at a time: |op~j| is the op on the edge from node j; + starts the next node (nodes 1, 2, 3). none cuts the edge; skip_connect passes its input on.',
  mnas: 'One stage per |: the block type (mbconv6 expands channels 6×), its kernel (k5), squeeze-and-excitation ratio (se), skip, width multiplier (w) and layers added or removed (l). A ProxylessNAS result writes a stage as blocks(mb6_k5,zero,…): one MobileNetV2 block per layer (expansion mb3 or mb6, kernel k3, k5 or k7), zero for a layer left out.',
  resolution: 'The scale of each layer on the ladder (0 full size, 1 half, 2 a quarter, …), then the op every layer uses.',
  hierarchical:
    'Each level-2 motif (m1, m2, …), then the cell: one op per pair of nodes, in the order 0→1, 0→2, 1→2, 0→3, … . In a motif the ops are primitives (conv1x1, dw3x3 depthwise, sep3x3, max3x3, avg3x3, id identity, none for no edge); in the cell they are motifs, id or none.',
};

export function encodingHelp(space: string, flat: boolean): string {
  return HELP[space === 'chain' && flat ? 'chain-flat' : space] ?? '';
}

/** An encoded architecture cut into tokens that may wrap after their separator, never inside one. */
export function encodingTokens(encoded: string): string[] {
  return encoded.split(/(?<=[|,+; ])/);
}
