import { CELL_OP_TABLE } from '../ops/cell';
import { opCost } from '../ops/cost';
import type { CellGenotype, CellSettings, CellSpec } from './cell';
import type { Cost, InputShape } from './types';

/** Parameters and multiply–accumulates of one layer at a given output size. */
interface Tally {
  params: number;
  flops: number;
}

const add = (a: Tally, b: Tally): Tally => ({ params: a.params + b.params, flops: a.flops + b.flops });
const ZERO: Tally = { params: 0, flops: 0 };

function conv(kh: number, kw: number, cin: number, cout: number, outPixels: number, depthwise = false): Tally {
  const weights = depthwise ? kh * kw * cin : kh * kw * cin * cout;
  return { params: weights, flops: weights * outPixels };
}

const bn = (c: number): Tally => ({ params: 2 * c, flops: 0 });

/** ReLU, two stride-2 1 × 1 convs (one shifted by a pixel) concatenated, BN: DARTS's FactorizedReduce. */
export function factorizedReduceCost(cin: number, cout: number, outPixels: number): Tally {
  return add(add(conv(1, 1, cin, cout / 2, outPixels), conv(1, 1, cin, cout / 2, outPixels)), bn(cout));
}

/** A reduction cell's ops on the cell inputs run at stride 2; its nodes are already at the halved size. */
function cellCost(spec: CellSpec, c: number, h: number, w: number, reduction: boolean): Tally {
  return spec.edges.reduce((t, [op, input]) => {
    const strided = reduction && input < 2;
    const shape = reduction && !strided ? { height: Math.ceil(h / 2), width: Math.ceil(w / 2) } : { height: h, width: w };
    return add(t, opCost(CELL_OP_TABLE[op], { cin: c, cout: c, ...shape, stride: strided ? 2 : 1 }));
  }, ZERO);
}

/** The stacking rule shared by the builder: which cells reduce, and their channels. */
export function cellPlan(settings: CellSettings): Array<{ reduction: boolean; channels: number }> {
  const n = settings.cellsPerStage;
  const total = 3 * n + 2;
  let c = settings.channels;
  return Array.from({ length: total }, (_, i) => {
    const reduction = i === n || i === 2 * n + 1;
    if (reduction) c *= 2;
    return { reduction, channels: c };
  });
}

/** Params and FLOPs of the whole network: stem, 3N + 2 cells, global pooling, linear. */
export function cellNetworkCost(g: CellGenotype, settings: CellSettings, input: InputShape, classes: number): Cost {
  let { height: h, width: w } = input;
  const stem = settings.stemMultiplier * settings.channels;
  let total = add(conv(3, 3, input.channels, stem, h * w), bn(stem));
  let cPrevPrev = stem;
  let cPrev = stem;
  let reductionPrev = false;
  for (const { reduction, channels } of cellPlan(settings)) {
    const spec = reduction ? g.reduce : g.normal;
    // The cell before last is at twice the resolution after a reduction: reduce it to match.
    total = add(total, reductionPrev ? factorizedReduceCost(cPrevPrev, channels, h * w) : add(conv(1, 1, cPrevPrev, channels, h * w), bn(channels)));
    total = add(total, add(conv(1, 1, cPrev, channels, h * w), bn(channels)));
    total = add(total, cellCost(spec, channels, h, w, reduction));
    if (reduction) {
      h = Math.ceil(h / 2);
      w = Math.ceil(w / 2);
    }
    cPrevPrev = cPrev;
    cPrev = spec.concat.length * channels;
    reductionPrev = reduction;
  }
  total = add(total, { params: cPrev * classes + classes, flops: cPrev * classes });
  return total;
}
