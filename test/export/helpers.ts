import * as tf from '@tensorflow/tfjs';
import type { TrainedModel } from '../../src/core/net/types';
import { createRng } from '../../src/core/rng';
import { buildNetwork } from '../../src/nn/build';
import type { Network } from '../../src/nn/network';
import { readTrained } from '../../src/nn/trained';
import type { ExportCase } from './cases';

/**
 * A case's network with every weight set to seeded values away from its initial ones, and its
 * batch-norm statistics measured on a few batches as training leaves them, so an exporter that
 * drops or misplaces a weight shows while the activations keep a trained network's scale.
 */
export async function trainedCase(c: ExportCase): Promise<{ net: Network; model: TrainedModel }> {
  const net = buildNetwork(c.space, c.genotype, c.input, c.classes, createRng(`init-${c.name}`));
  const rng = createRng(`weights-${c.name}`);
  net.graph.nodes.forEach((node) =>
    node.weights.forEach((spec) => {
      const v = net.variables[net.graph.nodes.flatMap((n) => n.weights).indexOf(spec)]!;
      const values = Float32Array.from({ length: v.size }, () => {
        if (spec.name.endsWith('running_var')) return 1;
        if (spec.name.endsWith('running_mean')) return 0;
        if (spec.name.endsWith('bias')) return 0.2 * (rng.next() * 2 - 1);
        if (node.prim.kind === 'batchnorm') return 0.75 + 0.5 * rng.next();
        return rng.normal() * ('normal' in spec.init ? spec.init.normal : 0.1);
      });
      tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
    }),
  );
  for (let t = 0; t < 3; t++) {
    net.ctx.statisticsMode = { kind: 'average', batches: t };
    tf.tidy(() => net.apply(tf.tensor4d(batchFor(c, 16, `calibrate-${t}`), [16, c.input.height, c.input.width, c.input.channels]), true));
  }
  net.ctx.statisticsMode = { kind: 'momentum' };
  const encoded = c.space.encode(c.genotype);
  const classNames = Array.from({ length: c.classes }, (_, i) => `class ${i}`);
  const model = await readTrained(net, {
    space: c.space.id,
    settings: (c.space as unknown as { settings: unknown }).settings,
    encoded,
    genotype: c.genotype,
    classNames,
    dataset: 'test',
    trial: 0,
    accuracy: 0,
    origin: c.name,
  });
  return { net, model };
}

/** A seeded batch in [0, 1), the range of the playground's prepared pixels. */
export function batchFor(c: ExportCase, n = 6, name = 'batch'): Float32Array {
  const rng = createRng(`${name}-${c.name}`);
  return Float32Array.from({ length: n * c.input.height * c.input.width * c.input.channels }, () => rng.next());
}

export function tfjsLogits(net: Network, x: Float32Array, c: ExportCase): Float32Array {
  return tf.tidy(
    () =>
      net
        .apply(tf.tensor4d(x, [x.length / (c.input.height * c.input.width * c.input.channels), c.input.height, c.input.width, c.input.channels]), false)
        .dataSync() as Float32Array,
  );
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
