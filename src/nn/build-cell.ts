import * as tf from '@tensorflow/tfjs-core';
import type { CellGenotype, CellSettings, CellSpec } from '../core/space/cell';
import { cellPlan } from '../core/space/cell-cost';
import type { InputShape } from '../core/space/types';
import { BuildContext, classifierHead, convLayer } from './layers';
import { buildOp } from './op-factories';
import { factorizedReduce } from './op-layers';
import type { Network } from './network';

type CellLayer = (prevPrev: tf.Tensor4D, prev: tf.Tensor4D, training: boolean) => tf.Tensor4D;

function cell(ctx: BuildContext, spec: CellSpec, cPrevPrev: number, cPrev: number, c: number, reduction: boolean, reductionPrev: boolean): CellLayer {
  const pre0 = reductionPrev ? factorizedReduce(ctx, cPrevPrev, c) : convLayer(ctx, cPrevPrev, c, { kernel: 1, relu: 'before' });
  const pre1 = convLayer(ctx, cPrev, c, { kernel: 1, relu: 'before' });
  const ops = spec.edges.map(([op, input]) => buildOp(ctx, op, { cin: c, cout: c, stride: reduction && input < 2 ? 2 : 1 })!);
  return (prevPrev, prev, training) => {
    const states = [pre0(prevPrev, training), pre1(prev, training)];
    for (let e = 0; e < spec.edges.length; e += 2) {
      const a = ops[e]!(states[spec.edges[e]![1]]!, training);
      const b = ops[e + 1]!(states[spec.edges[e + 1]![1]]!, training);
      states.push(tf.add(a, b));
    }
    const parts = spec.concat.map((n) => states[n]!);
    return parts.length === 1 ? parts[0]! : tf.concat(parts, 3);
  };
}

/** Stem, 3N + 2 cells (reductions after the first and second thirds), global pooling, linear. */
export function buildCellNetwork(g: CellGenotype, settings: CellSettings, input: InputShape, classes: number, ctx: BuildContext): Network {
  const stemChannels = settings.stemMultiplier * settings.channels;
  const stem = convLayer(ctx, input.channels, stemChannels, { kernel: 3, relu: 'none' });
  const cells: CellLayer[] = [];
  let cPrevPrev = stemChannels;
  let cPrev = stemChannels;
  let reductionPrev = false;
  for (const { reduction, channels } of cellPlan(settings)) {
    const spec = reduction ? g.reduce : g.normal;
    cells.push(cell(ctx, spec, cPrevPrev, cPrev, channels, reduction, reductionPrev));
    cPrevPrev = cPrev;
    cPrev = spec.concat.length * channels;
    reductionPrev = reduction;
  }
  const head = classifierHead(ctx, cPrev, classes);
  return {
    ctx,
    apply(x, training) {
      let prevPrev = stem(x, training);
      let prev = prevPrev;
      for (const layer of cells) [prevPrev, prev] = [prev, layer(prevPrev, prev, training)];
      return head(prev);
    },
  };
}
