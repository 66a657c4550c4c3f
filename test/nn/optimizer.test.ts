import { afterEach, describe, expect, it } from 'vitest';
import { Optimizer, type OptimizerKind } from '../../src/nn/optimizer';
import { useLeanStep } from '../../src/nn/step-path';
import { on, seeded, tf } from './helpers';

afterEach(() => useLeanStep(true));

const SHAPES = [[3, 3, 2, 4], [4], [5, 2], [4], [1, 1, 4, 3]];

/** The variables' values after three updates with seeded gradients (one variable has none at the second step). */
async function afterSteps(lean: boolean, kind: OptimizerKind, weightDecay: number): Promise<number[][]> {
  useLeanStep(lean);
  const vars = SHAPES.map((shape, i) => tf.tidy(() => tf.variable(seeded(shape, `opt-v-${i}`))));
  const optimizer = new Optimizer(kind, vars, weightDecay);
  for (let step = 0; step < 3; step++) {
    const grads: tf.NamedTensorMap = {};
    vars.forEach((v, i) => {
      if (step !== 1 || i !== 2) grads[v.name] = seeded(v.shape, `opt-g-${step}-${i}`);
    });
    optimizer.apply(grads, 0.1 / (step + 1));
    tf.dispose(Object.values(grads));
  }
  const values = await Promise.all(vars.map(async (v) => Array.from(await v.data())));
  optimizer.dispose();
  tf.dispose(vars);
  return values;
}

describe.each(['cpu', 'wasm'] as const)('the optimizer on %s', (backend) => {
  it.each([
    ['sgd', 5e-4],
    ['sgd', 0],
    ['adam', 5e-4],
  ] as const)('%s (weight decay %s) updates all variables at once bit for bit as one by one', async (kind, decay) => {
    await on(backend);
    const before = tf.memory().numTensors;
    const joined = await afterSteps(true, kind, decay);
    const each = await afterSteps(false, kind, decay);
    expect(joined).toEqual(each);
    // The updates moved the weights (a no-op update would pass the comparison too).
    expect(joined[0]).not.toEqual(tf.tidy(() => Array.from(seeded(SHAPES[0]!, 'opt-v-0').dataSync())));
    // Neither way leaves a tensor behind.
    expect(tf.memory().numTensors).toBe(before);
  });
});
