import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as ort from 'onnxruntime-node';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { npy, readNpy } from '../../src/export/npz';
import { maxAbsDiff } from '../export/helpers';
import { requireTorch, runPython } from '../export/python';
import { usePageEnvironment } from './environment';
import { openPlayground, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();
const TFJS = join(process.cwd(), 'node_modules/@tensorflow/tfjs/dist/tf.min.js');

/** Clicks a download button and returns the file's name and bytes. */
async function download(page: Page, testid: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`[data-testid=${testid}]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

function unzipTo(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'nas-e2e-'));
  for (const [name, content] of Object.entries(unzipSync(bytes))) {
    const flat = name.split('/').slice(1).join('/');
    if (flat) writeFileSync(join(dir, flat), content);
  }
  return dir;
}

const argmax = (v: ArrayLike<number>) => Array.from(v).indexOf(Math.max(...Array.from(v)));

describe('the found model, taken out of the page', () => {
  it('downloads every format after a short search; each runs elsewhere; Try it agrees; results come back', async () => {
    requireTorch();
    const experiment = parseExperiment({
      dataset: 'digits',
      space: 'chain',
      strategy: 'random',
      budget: 3,
      training: { epochs: 2 },
      seed: 11,
      backend: 'wasm',
    });
    const { page, errors } = await openPlayground(env.browser, `${env.url}${encodeLink(experiment)}`);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    await page.waitForSelector('[data-testid=result-trial]');
    // The panel's model is the trial the table marks best.
    const bestRow = await page.$eval('[data-testid=trial-row].best td', (td) => Number(td.textContent));
    expect(Number(await page.getAttribute('[data-testid=result-trial]', 'data-trial')) + 1).toBe(bestRow);

    // Validation example 0, prepared in this process as the page prepares it.
    const data = await prepareData(experiment, readPublicAsset);
    const x = data.val.x.slice(0, 64);

    const onnxFile = await download(page, 'download-onnx');
    expect(onnxFile.name).toMatch(/\.onnx$/);
    const session = await ort.InferenceSession.create(onnxFile.bytes);
    const onnxLogits = (await session.run({ input: new ort.Tensor('float32', x, [1, 8, 8, 1]) })).logits!.data as Float32Array;

    // Try it: validation example 0 is what it starts with; its class is the one the ONNX file gives.
    await page.waitForSelector('[data-testid=try-prediction]');
    expect(Number(await page.getAttribute('[data-testid=try-prediction]', 'data-class'))).toBe(argmax(onnxLogits));
    expect(await page.textContent('[data-testid=try-prediction]')).toContain(`Trial ${bestRow} says`);

    // Drawing a digit is a prediction of its own.
    const box = (await page.$('[data-testid=try-canvas]'))!;
    const at = (await box.boundingBox())!;
    await page.click('text=Clear and draw');
    await page.mouse.move(at.x + at.width / 2, at.y + 20);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2, at.y + at.height - 20, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('[data-testid=try-it]')?.textContent?.includes('your own input'));
    await page.waitForSelector('[data-testid=try-prediction]');

    // TensorFlow.js: a fresh page with nothing but tfjs's own bundle opens the files.
    const tfjs = unzipSync((await download(page, 'download-tfjs')).bytes);
    const names = Object.keys(tfjs);
    const json = names.find((n) => n.endsWith('model.json'))!;
    const bin = names.find((n) => n.endsWith('weights.bin'))!;
    const fresh = await env.browser.newPage();
    await fresh.goto('about:blank');
    await fresh.addScriptTag({ path: TFJS });
    const tfjsLogits = await fresh.evaluate(
      async ({ json, bin, x }) => {
        const tf = (window as unknown as { tf: typeof import('@tensorflow/tfjs') }).tf;
        const files = [new File([json], 'model.json'), new File([new Uint8Array(bin)], 'weights.bin')];
        const model = await tf.loadLayersModel(tf.io.browserFiles(files));
        return Array.from((model.predict(tf.tensor4d(x, [1, 8, 8, 1])) as import('@tensorflow/tfjs').Tensor).dataSync());
      },
      { json: new TextDecoder().decode(tfjs[json]!), bin: Array.from(tfjs[bin]!), x: Array.from(x) },
    );
    await fresh.close();
    expect(maxAbsDiff(tfjsLogits, onnxLogits)).toBeLessThan(1e-4);

    // PyTorch: predict.py under Debian's torch.
    const torchDir = unzipTo((await download(page, 'download-pytorch')).bytes);
    writeFileSync(join(torchDir, 'in.npy'), npy(x, [1, 8, 8, 1]));
    runPython(['predict.py', 'in.npy', 'out.npy'], torchDir);
    expect(maxAbsDiff(readNpy(readFileSync(join(torchDir, 'out.npy'))).data, onnxLogits)).toBeLessThan(1e-4);

    // NNI and Ray: the projects; one Ray trial run here, its results dropped back on the page.
    const nni = unzipTo((await download(page, 'download-nni')).bytes);
    expect(Object.keys(JSON.parse(readFileSync(join(nni, 'search_space.json'), 'utf8'))).length).toBeGreaterThan(0);
    const ray = unzipTo((await download(page, 'download-ray')).bytes);
    runPython(
      [
        '-c',
        "from trial import run_trial\nfrom search_space import DECISIONS\nrun_trial({d['name']: d['options'][0] for d in DECISIONS}, report=print, epochs=1, trial_id='e2e', origin='ray')",
      ],
      ray,
    );
    expect((await download(page, 'download-trials-csv')).name).toBe('nas-playground-trials.csv');
    expect(JSON.parse(new TextDecoder().decode((await download(page, 'download-trials-json')).bytes)).trials).toHaveLength(3);

    await page.setInputFiles('[data-testid=import-file]', join(ray, 'results.jsonl'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=trial-row]').length === 1);
    expect(await page.textContent('[data-testid=trial-row]')).toMatch(/ray trial e2e/);
    expect(await page.textContent('body')).toContain('ray (imported)');
    // The layers drawing is drawn from the same layer graph: stem, one box per layer, head.
    expect(await page.$$eval('[data-testid=dag-layers] g.dag-node', (g) => g.length)).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
