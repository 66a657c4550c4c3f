import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npy, readNpy } from '../../src/export/npz';
import { toPytorch } from '../../src/export/pytorch/index';
import { on } from '../nn/helpers';
import { exportCases } from './cases';
import { batchFor, maxAbsDiff, tfjsLogits, trainedCase } from './helpers';
import { requireTorch, runPython } from './python';

const CASES = exportCases();
const expected = new Map<string, Float32Array>();
const dirs = new Map<string, string>();
const worst: Record<string, number> = {};

// One Python process for all cases (torch takes seconds to import): each case's folder is imported
// afresh, and its predict.py maps in.npy to out.npy as its command line would.
const DRIVER = String.raw`
import importlib, sys
import numpy as np
for folder in sys.argv[1:]:
    for name in ('ops', 'model', 'genotype', 'predict'):
        sys.modules.pop(name, None)
    sys.path.insert(0, folder)
    predict = importlib.import_module('predict')
    np.save(folder + '/out.npy', predict.predict(np.load(folder + '/in.npy')).astype(np.float32))
    sys.path.pop(0)
print('done', len(sys.argv) - 1)
`;

describe('PyTorch export, run by Debian’s python3-torch', () => {
  beforeAll(async () => {
    requireTorch();
    await on('wasm');
    const root = mkdtempSync(join(tmpdir(), 'nas-pytorch-'));
    for (const [i, c] of CASES.entries()) {
      const { net, model } = await trainedCase(c);
      const dir = join(root, `case-${i}`);
      mkdirSync(dir);
      for (const [name, content] of Object.entries(toPytorch(model))) writeFileSync(join(dir, name), content);
      const x = batchFor(c);
      const n = x.length / (c.input.height * c.input.width * c.input.channels);
      writeFileSync(join(dir, 'in.npy'), npy(x, [n, c.input.height, c.input.width, c.input.channels]));
      expected.set(c.name, tfjsLogits(net, x, c));
      dirs.set(c.name, dir);
      net.ctx.dispose();
    }
    writeFileSync(join(root, 'driver.py'), DRIVER);
    expect(runPython(['driver.py', ...dirs.values()], root)).toContain(`done ${CASES.length}`);
    console.log('PyTorch vs tfjs, max |Δlogit| per case:');
  }, 900_000);

  it.each(CASES.map((c) => [c.name, c] as const))('%s: the generated code with the exported weights gives the same logits', (_name, c) => {
    const out = readNpy(readFileSync(join(dirs.get(c.name)!, 'out.npy')));
    expect(out.shape).toEqual([expected.get(c.name)!.length / c.classes, c.classes]);
    const diff = maxAbsDiff(out.data, expected.get(c.name)!);
    worst[c.name] = diff;
    console.log(`  ${c.name}: ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-4);
  });
});
