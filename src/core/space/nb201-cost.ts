import { addCost, opCost, ZERO_COST } from '../ops/cost';
import { NB201_OP_TABLE } from '../ops/nb201';
import type { Nb201Genotype, Nb201Settings } from './nb201';
import type { Cost, InputShape } from './types';

/** Parameters and multiply-accumulates of the stacked network: stem, three stages of cells with residual reductions, classifier. */
export function nb201NetworkCost(g: Nb201Genotype, settings: Nb201Settings, input: InputShape, numClasses: number): Cost {
  const { channels: c0, cellsPerStage } = settings;
  let params = 0;
  let flops = 0;
  let pixels = input.height * input.width;
  const conv = (k: number, cin: number, cout: number, bn: boolean): void => {
    params += k * k * cin * cout + (bn ? 2 * cout : 0);
    flops += k * k * cin * cout * pixels;
  };
  conv(3, input.channels, c0, true);
  let c = c0;
  for (let stage = 0; stage < 3; stage++) {
    const size = { height: Math.ceil(input.height / 2 ** stage), width: Math.ceil(input.width / 2 ** stage), stride: 1 };
    pixels = size.height * size.width;
    if (stage > 0) {
      conv(3, c, 2 * c, true);
      conv(3, 2 * c, 2 * c, true);
      conv(1, c, 2 * c, false);
      c *= 2;
    }
    const cell = g.ops.map((op) => opCost(NB201_OP_TABLE[op], { cin: c, cout: c, ...size })).reduce(addCost, ZERO_COST);
    params += cellsPerStage * cell.params;
    flops += cellsPerStage * cell.flops;
  }
  params += 2 * c + c * numClasses + numClasses;
  flops += c * numClasses;
  return { params, flops };
}
