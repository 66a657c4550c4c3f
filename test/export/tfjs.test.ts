import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { toTfjs } from '../../src/export/tfjs';
import { on } from '../nn/helpers';
import { exportCases } from './cases';
import { batchFor, maxAbsDiff, tfjsLogits, trainedCase } from './helpers';

const worst: Record<string, number> = {};

/** Opens the two files the way a page that loads only TensorFlow.js would: tfjs's own loader on model.json and its weights. */
async function reopen(files: { 'model.json': Uint8Array; 'weights.bin': Uint8Array }): Promise<tf.LayersModel> {
  const json = JSON.parse(new TextDecoder().decode(files['model.json'])) as tf.io.ModelJSON;
  expect(json.weightsManifest[0]!.paths).toEqual(['weights.bin']);
  const bin = files['weights.bin'];
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0]!.weights,
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
    }),
  );
}

describe('TensorFlow.js export, reopened with tfjs’s own loader', () => {
  afterAll(() =>
    console.log(
      'tfjs files vs the playground network, max |Δlogit| per case:\n' +
        Object.entries(worst)
          .map(([k, v]) => `  ${k}: ${v.toExponential(2)}`)
          .join('\n'),
    ),
  );

  it.each(exportCases().map((c) => [c.name, c] as const))('%s: the same logits', async (_name, c) => {
    await on('wasm');
    const { net, model } = await trainedCase(c);
    const before = tf.memory().numTensors;
    try {
      const files = await toTfjs(model);
      expect(tf.memory().numTensors).toBe(before);
      const reopened = await reopen(files);
      const x = batchFor(c);
      const n = x.length / (c.input.height * c.input.width * c.input.channels);
      const logits = tf.tidy(() => (reopened.predict(tf.tensor4d(x, [n, c.input.height, c.input.width, c.input.channels])) as tf.Tensor).dataSync());
      reopened.dispose();
      const diff = maxAbsDiff(logits, tfjsLogits(net, x, c));
      worst[c.name] = diff;
      expect(diff).toBeLessThan(1e-4);
    } finally {
      net.ctx.dispose();
    }
  });
});
