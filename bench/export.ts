/**
 * Per search space, in one run: how long each export takes and how large it is, and the inference
 * time per example of the same trained network in TensorFlow.js (WASM, as the playground runs it),
 * ONNX Runtime (npm, CPU) and PyTorch (Debian's python3-torch, CPU), each on one thread, batch 64.
 *
 *   npm run bench:export
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { createRng } from '../src/core/rng';
import { createSpace, SPACE_IDS } from '../src/core/space/index';
import { npy } from '../src/export/npz';
import { toOnnx } from '../src/export/onnx';
import { toPytorch } from '../src/export/pytorch/index';
import { toTfjs } from '../src/export/tfjs';
import { useNodeBackend } from '../src/nn/backend-node';
import { buildNetwork } from '../src/nn/build';
import { readTrained } from '../src/nn/trained';

await useNodeBackend('wasm');
const BATCH = 64;
const RUNS = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
};
const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
const bytes = (files: Record<string, string | Uint8Array>) =>
  Object.values(files).reduce((n, f) => n + (typeof f === 'string' ? Buffer.byteLength(f) : f.byteLength), 0);

const TORCH_TIMER = String.raw`
import sys, time, numpy as np, torch
torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
from model import load_model
model = load_model()
x = torch.from_numpy(np.load(sys.argv[2])).permute(0, 3, 1, 2).contiguous()
with torch.no_grad():
    model(x)
    times = []
    for _ in range(int(sys.argv[3])):
        t = time.perf_counter(); model(x); times.append(time.perf_counter() - t)
print(sorted(times)[len(times) // 2] * 1000)
`;

const rows: string[][] = [];
for (const id of SPACE_IDS) {
  const space = createSpace(id);
  const input = space.checkInput({ height: 8, width: 8, channels: 1 }) === null ? { height: 8, width: 8, channels: 1 } : { height: 16, width: 16, channels: 1 };
  const rng = createRng(`bench-export-${id}`);
  const g = space.sample(rng);
  const net = buildNetwork(space, g, input, 10, rng.fork('init'));
  const model = await readTrained(net, {
    space: id,
    settings: (space as unknown as { settings: unknown }).settings,
    encoded: space.encode(g),
    genotype: g,
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    dataset: 'bench',
    trial: 0,
    accuracy: 0,
    origin: 'bench',
  });
  const [onnx, onnxMs] = await timed(() => toOnnx(model));
  const [tfjsFiles, tfjsMs] = await timed(() => toTfjs(model));
  const [torchFiles, torchMs] = await timed(() => toPytorch(model));
  const x = Float32Array.from({ length: BATCH * input.height * input.width * input.channels }, () => rng.next());

  const xt = tf.tensor4d(x, [BATCH, input.height, input.width, input.channels]);
  const tfjsTimes: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const [, ms] = await timed(async () => {
      const y = net.apply(xt as tf.Tensor4D, false);
      await y.data();
      y.dispose();
    });
    if (r > 0) tfjsTimes.push(ms);
  }
  xt.dispose();
  net.ctx.dispose();

  const session = await ort.InferenceSession.create(onnx, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const feed = { input: new ort.Tensor('float32', x, [BATCH, input.height, input.width, input.channels]) };
  const onnxTimes: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const [, ms] = await timed(() => session.run(feed));
    if (r > 0) onnxTimes.push(ms);
  }

  const dir = mkdtempSync(join(tmpdir(), `bench-export-${id}-`));
  for (const [name, content] of Object.entries(torchFiles)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'x.npy'), npy(x, [BATCH, input.height, input.width, input.channels]));
  writeFileSync(join(dir, 'timer.py'), TORCH_TIMER);
  const torchInfer = Number(execFileSync('/usr/bin/python3', ['timer.py', dir, join(dir, 'x.npy'), String(RUNS)], { cwd: dir, encoding: 'utf8' }).trim());

  const per = (ms: number) => ((ms / BATCH) * 1000).toFixed(0);
  rows.push([
    id,
    `${onnxMs.toFixed(0)} / ${tfjsMs.toFixed(0)} / ${torchMs.toFixed(0)}`,
    `${kb(onnx.byteLength)} / ${kb(bytes({ ...tfjsFiles }))} / ${kb(bytes(torchFiles))}`,
    per(median(tfjsTimes)),
    per(torchInfer),
    per(median(onnxTimes)),
  ]);
}

const header = ['space', 'export ms (ONNX / tfjs / PyTorch)', 'size KB (ONNX / tfjs / PyTorch)', 'tfjs µs/ex', 'PyTorch µs/ex', 'ONNX µs/ex'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
console.log(
  `one sampled genotype per space, default settings, 8 × 8 digits (16 × 16 where a space needs it); inference batch ${BATCH}, median of ${RUNS}, one thread each\n`,
);
console.log(`| ${header.map((h, c) => h.padEnd(widths[c]!)).join(' | ')} |`);
console.log(`| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`);
for (const r of rows) console.log(`| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`);
