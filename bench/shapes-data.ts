import { generateShapes } from '../src/core/dataset/shapes';
import { createRng } from '../src/core/rng';
import type { TrainData } from '../src/nn/train';

/**
 * The procedural shapes (16 × 16, 4 classes) at a chosen size, for ranking benches: generated
 * from one fixed seed, the first `train` examples train and the next `val` validate (the generator
 * cycles through the classes, so both splits are balanced when the sizes are multiples of 4).
 */
export function shapesData(train: number, val: number): TrainData {
  const g = generateShapes(createRng('bench-shapes').fork('generate'), Math.ceil((train + val) / 4));
  const size = g.input.height * g.input.width * g.input.channels;
  const split = (from: number, n: number) => ({ x: g.x.slice(from * size, (from + n) * size), y: g.y.slice(from, from + n), n });
  return { input: g.input, classes: g.classNames.length, train: split(0, train), val: split(train, val) };
}

/** The ground truth bench/weight-sharing ranks against: fewer channels and more epochs spread the cells further than digits (figures in the README). */
export const GROUND_TRUTH = { train: 400, val: 600, epochs: 6, channels: 4 };
