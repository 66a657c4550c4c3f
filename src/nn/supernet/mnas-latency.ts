import type * as tf from '@tensorflow/tfjs-core';
import { timeForward } from '../latency';
import type { Candidate } from './types';

/**
 * ProxylessNAS's latency model (Cai et al. 2019, §3.3): a network's latency is the sum of its
 * blocks' latencies plus that of the parts every network has, each block timed alone at the shape
 * it runs at. `ms[slot][op]` (zero: 0 ms), `fixed`: stem and head.
 */
export interface LatencyTable {
  ms: number[][];
  fixed: number;
}

type Shape = readonly [number, number, number];

/** Times each candidate block of each slot on one example at its slot's input shape, and the stem and the head at theirs. */
export async function measureBlockLatency(
  slots: ReadonlyArray<{ candidates: readonly Candidate[]; input: Shape }>,
  stem: { layer: (x: tf.Tensor4D) => tf.Tensor; input: Shape },
  head: { layer: (x: tf.Tensor4D) => tf.Tensor; input: Shape },
): Promise<LatencyTable> {
  // The fastest of 9 runs: on a shared machine other work only ever adds time (as the cell version measures).
  const time = (run: (x: tf.Tensor4D) => tf.Tensor, [h, w, c]: Shape) => timeForward(run, [1, h, w, c], 9, 3, 'min');
  const ms: number[][] = [];
  for (const slot of slots) {
    const row: number[] = [];
    for (const candidate of slot.candidates) {
      const layer = candidate.layer;
      row.push(layer ? await time((x) => layer(x, false), slot.input) : 0);
    }
    ms.push(row);
  }
  return { ms, fixed: (await time(stem.layer, stem.input)) + (await time(head.layer, head.input)) };
}
