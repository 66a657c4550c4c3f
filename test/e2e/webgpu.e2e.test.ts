import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseExperiment, type Experiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { watchErrors } from './browser';
import { usePageEnvironment } from './environment';
import { waitForBackend, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

async function webGpuOffered(page: import('playwright-core').Page): Promise<boolean> {
  return page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return Boolean(gpu && (await gpu.requestAdapter()));
  });
}

/** Opens the page on a link to `experiment`, runs it to the end, and says whether Chromium offered a WebGPU adapter. */
async function runLinked(experiment: Experiment): Promise<{ page: Page; errors: string[]; offered: boolean }> {
  const page = await env.browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.url}${encodeLink(experiment)}`);
  const offered = await webGpuOffered(page);
  await waitForBackend(page);
  await page.click('[data-testid=start]');
  expect(await waitForRunEnd(page)).toBe('done');
  return { page, errors, offered };
}

describe('GPU backends in the browser', () => {
  it('trains a trial on WebGPU where Chromium offers an adapter, and otherwise says why it fell back', async () => {
    // A few steps only: here WebGPU runs on SwiftShader, about 2 s a step.
    const { page, errors, offered } = await runLinked(
      parseExperiment({ dataset: 'spiral', data: { maxExamples: 60 }, budget: 1, training: { epochs: 1, batchSize: 16 }, backend: 'webgpu' }),
    );
    if (offered) {
      expect(await page.textContent('[data-testid=backend]')).toMatch(/WEBGPU/);
      const accuracy = await page.textContent('[data-testid=trial-row] td.num');
      expect(accuracy).toMatch(/^\d+\.\d%$/);
    } else {
      expect(await page.textContent('body')).toMatch(/you chose webgpu, but webgpu is unavailable/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains a weight-sharing supernet (ProxylessNAS) on WebGPU where offered', async () => {
    const { page, errors, offered } = await runLinked(
      parseExperiment({
        dataset: 'digits',
        data: { maxExamples: 50 },
        space: 'nb201',
        spaceSettings: { nb201: { channels: 2 } },
        strategy: 'proxyless',
        strategySettings: { oneShot: { epochs: 1 } },
        training: { batchSize: 20 },
        backend: 'webgpu',
      }),
    );
    expect(await page.textContent('[data-testid=backend]')).toMatch(offered ? /WEBGPU/ : /WASM/);
    expect(await page.locator('[data-testid=trial-row]').count()).toBe(1);
    expect(await page.locator('[data-testid=alpha-heatmap] rect.alpha-cell').count()).toBe(30);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains a trial on WebGL when asked', async () => {
    const experiment = parseExperiment({ dataset: 'spiral', data: { maxExamples: 60 }, budget: 1, training: { epochs: 1, batchSize: 16 }, backend: 'webgl' });
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.url}${encodeLink(experiment)}`);
    const offered = await page.evaluate(() => Boolean(new OffscreenCanvas(1, 1).getContext('webgl2')));
    await waitForBackend(page);
    await page.click('[data-testid=start]');
    expect(await waitForRunEnd(page)).toBe('done');
    expect(await page.textContent('[data-testid=backend]')).toMatch(offered ? /WEBGL/ : /WASM/);
    expect(await page.locator('[data-testid=trial-row]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
