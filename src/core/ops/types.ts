/** How an op is drawn: the same look wherever the op appears. */
export interface OpLook {
  /** Short human name, shown on edges, nodes and heat-map columns. */
  label: string;
  /** CSS colour of its edges, nodes and column headers. */
  color: string;
}

export interface OpInfo extends OpLook {
  /** No weights of its own at stride 1 (none, skip, pooling): where DARTS's α tends to collapse. */
  parameterFree: boolean;
}

/**
 * One weighted layer of an op, costed in order at the size it outputs:
 * - a convolution with kernel [rows, cols], full (C_in → C_out, or half C_out) or depthwise (one
 *   filter per channel); `stride` says on which axes the op's stride applies; a `branch` reads the
 *   op's input rather than the previous layer's output (FactorizedReduce's second conv);
 * - a batch norm over the op's output channels (a scale and a shift each).
 */
export type CostPart = { conv: readonly [number, number]; depthwise?: true; stride?: 'both' | 'rows' | 'cols'; half?: true; branch?: true } | { bn: true };

/** An op of a layer vocabulary (cells, NB201, chain, resolution): its look and what its weights are. */
export interface LayerOpInfo extends OpInfo {
  /** Its weighted layers, in order. */
  cost: readonly CostPart[];
  /** Its layers at stride 2, where it becomes another layer there (DARTS's skip reduces with a FactorizedReduce). */
  strided?: readonly CostPart[];
}

/** An op whose spelling in its space's encoded strings differs from its id. */
export interface TokenInfo {
  /** The spelling inside `space.encode()` strings; it never changes, as links hash over them. */
  token: string;
}
