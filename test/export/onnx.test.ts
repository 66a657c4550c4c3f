import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { onnx } from 'onnx-proto';
import { toOnnx, ONNX_OPSET } from '../../src/export/onnx';
import { on } from '../nn/helpers';
import { exportCases } from './cases';
import { batchFor, maxAbsDiff, tfjsLogits, trainedCase } from './helpers';

const worst: Record<string, number> = {};

describe('ONNX export, run by onnxruntime (npm)', () => {
  afterAll(() =>
    console.log(
      'ONNX vs tfjs, max |Δlogit| per case:\n' +
        Object.entries(worst)
          .map(([k, v]) => `  ${k}: ${v.toExponential(2)}`)
          .join('\n'),
    ),
  );

  it.each(exportCases().map((c) => [c.name, c] as const))('%s: the same logits as the tfjs network', async (_name, c) => {
    await on('wasm');
    const { net, model } = await trainedCase(c);
    try {
      const bytes = toOnnx(model);
      const decoded = onnx.ModelProto.decode(bytes);
      expect(Number(decoded.opsetImport[0]!.version)).toBe(ONNX_OPSET);
      const meta = Object.fromEntries(decoded.metadataProps.map((p) => [p.key, p.value]));
      expect(meta.input_layout).toBe('NHWC');
      expect(JSON.parse(meta.class_names!)).toEqual(model.about.classNames);
      const session = await ort.InferenceSession.create(bytes);
      const x = batchFor(c);
      const n = x.length / (c.input.height * c.input.width * c.input.channels);
      const out = await session.run({ input: new ort.Tensor('float32', x, [n, c.input.height, c.input.width, c.input.channels]) });
      const logits = out.logits!.data as Float32Array;
      const expected = tfjsLogits(net, x, c);
      const diff = maxAbsDiff(logits, expected);
      worst[c.name] = diff;
      expect(diff).toBeLessThan(1e-4);
    } finally {
      net.ctx.dispose();
    }
  });
});
