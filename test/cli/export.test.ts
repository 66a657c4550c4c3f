import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { npy, readNpy } from '../../src/export/npz';
import { maxAbsDiff } from '../export/helpers';
import { requireTorch, runPython } from '../export/python';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FLAGS = [
  '--dataset',
  'digits',
  '--space',
  'nb201',
  '--nb201-channels',
  '4',
  '--strategy',
  'random',
  '--budget',
  '2',
  '--epochs',
  '1',
  '--seed',
  '3',
  '--backend',
  'wasm',
];

describe('command line: --out DIR --export onnx,tfjs,pytorch,ray,nni and --import', () => {
  let out: string;
  let run: ReturnType<typeof cli>;
  beforeAll(() => {
    requireTorch();
    out = mkdtempSync(join(tmpdir(), 'nas-cli-'));
    run = cli([...FLAGS, '--out', out, '--export', 'onnx,tfjs,pytorch,ray,nni', '--json']);
  }, 300_000);

  it('writes the trials and every format where the contract says', () => {
    expect(run.code, run.stderr).toBe(0);
    const files = [
      'trials.csv',
      'trials.json',
      'model.onnx',
      'tfjs/model.json',
      'tfjs/weights.bin',
      'pytorch/model.py',
      'pytorch/weights.npz',
      'pytorch/predict.py',
    ];
    files.push('ray/tune_search.py', 'ray/trial.py', 'nni/search_space.json', 'nni/config.yml', 'nni/nni_trial.py');
    for (const f of files) expect(existsSync(join(out, f)), f).toBe(true);
    const json = JSON.parse(run.stdout);
    expect(readFileSync(join(out, 'trials.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + json.trials.length);
    expect(JSON.parse(readFileSync(join(out, 'trials.json'), 'utf8')).trials.map((t: { encoded: string }) => t.encoded)).toEqual(
      json.trials.map((t: { encoded: string }) => t.encoded),
    );
  });

  it('python3 predict.py in.npy out.npy maps an N × H × W × C batch to the logits the ONNX model gives', async () => {
    const rng = createRng('cli-predict');
    const x = Float32Array.from({ length: 5 * 8 * 8 }, () => rng.next());
    writeFileSync(join(out, 'in.npy'), npy(x, [5, 8, 8, 1]));
    runPython(['predict.py', join(out, 'in.npy'), join(out, 'out.npy')], join(out, 'pytorch'));
    const torch = readNpy(readFileSync(join(out, 'out.npy')));
    expect(torch.shape).toEqual([5, 10]);
    const session = await ort.InferenceSession.create(join(out, 'model.onnx'));
    const onnx = await session.run({ input: new ort.Tensor('float32', x, [5, 8, 8, 1]) });
    expect(maxAbsDiff(torch.data, onnx.logits!.data as Float32Array)).toBeLessThan(1e-4);
  });

  it('reads the results of the exported trial back with --import', () => {
    runPython(
      [
        '-c',
        "from trial import run_trial\nfrom search_space import DECISIONS\nrun_trial({d['name']: d['options'][0] for d in DECISIONS}, report=print, epochs=1, trial_id='a', origin='ray')",
      ],
      join(out, 'ray'),
    );
    const imported = cli([...FLAGS, '--import', join(out, 'ray', 'results.jsonl'), '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const j = JSON.parse(imported.stdout);
    expect(j.origin).toBe('ray');
    expect(j.trials).toHaveLength(1);
    expect(j.trials[0].accuracy).toBeGreaterThanOrEqual(0);
    const bad = cli([...FLAGS, '--import', join(out, 'trials.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/trials\.csv, line 1: is not JSON/);
  });

  it('refuses --export without --out, and unknown formats', () => {
    expect(cli([...FLAGS, '--export', 'onnx']).stderr).toMatch(/--export goes with --out/);
    expect(cli([...FLAGS, '--out', out, '--export', 'keras']).code).toBe(2);
  });
});
