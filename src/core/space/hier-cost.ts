import { addCost, opCost, separableParts, partsCost, ZERO_COST } from '../ops/cost';
import { HIER_OP_TABLE, hierOpId } from '../ops/hier';
import { NB201_OP_TABLE } from '../ops/nb201';
import type { HierGenotype, HierSettings } from './hier';
import { liveInputs } from './hier-dag';
import type { Cost, InputShape } from './types';

/** Cell k's channels and map size: a reduction before every cell but the first halves the map and doubles the channels. */
export function hierPlan(settings: HierSettings, input: InputShape): Array<{ channels: number; height: number; width: number }> {
  return Array.from({ length: settings.cells }, (_, k) => ({
    channels: settings.channels * 2 ** k,
    height: Math.ceil(input.height / 2 ** k),
    width: Math.ceil(input.width / 2 ** k),
  }));
}

type At = { channels: number; height: number; width: number };

/** The ReLU-1 × 1 conv-BN that brings a node concatenating k inputs back to C channels. */
function mergeCost(k: number, at: At): Cost {
  if (k < 2) return ZERO_COST;
  return opCost(NB201_OP_TABLE.nor_conv_1x1, { cin: k * at.channels, cout: at.channels, height: at.height, width: at.width, stride: 1 });
}

/** A DAG's cost: each live edge's op (costed by `edgeCost`) and each merging node's projection. */
function dagCost(n: number, ops: readonly string[], at: At, edgeCost: (op: string) => Cost): Cost {
  return liveInputs(n, ops).reduce(
    (total, inputs) => inputs.reduce((t, { op }) => addCost(t, edgeCost(op)), addCost(total, mergeCost(inputs.length, at))),
    ZERO_COST,
  );
}

/** One level-2 motif at a cell's size. */
export function motifCost(ops: readonly string[], settings: HierSettings, at: At): Cost {
  const shape = { cin: at.channels, cout: at.channels, height: at.height, width: at.width, stride: 1 };
  return dagCost(settings.motifNodes, ops, at, (op) => opCost(HIER_OP_TABLE[hierOpId(op)!], shape));
}

/** Stem (3 × 3 conv-BN-ReLU), cells with separable-conv reductions between them, global pooling, linear. */
export function hierCost(g: HierGenotype, settings: HierSettings, input: InputShape, classes: number): Cost {
  const plan = hierPlan(settings, input);
  const c = settings.channels;
  let total: Cost = { params: 9 * input.channels * c + 2 * c, flops: 9 * input.channels * c * input.height * input.width };
  plan.forEach((at, k) => {
    if (k > 0) {
      const before = plan[k - 1]!;
      total = addCost(total, partsCost(separableParts(3), { cin: before.channels, cout: at.channels, height: before.height, width: before.width, stride: 2 }));
    }
    const motifs = g.motifs.map((ops) => motifCost(ops, settings, at));
    total = addCost(
      total,
      dagCost(settings.cellNodes, g.cell, at, (op) => (op.startsWith('m') ? motifs[Number(op.slice(1)) - 1]! : ZERO_COST)),
    );
  });
  const last = plan[plan.length - 1]!.channels;
  return addCost(total, { params: last * classes + classes, flops: last * classes });
}
