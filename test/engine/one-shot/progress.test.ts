import { afterEach, describe, expect, it } from 'vitest';
import type { AlphaSnapshot, EngineEvent } from '../../../src/contracts/events';
import { parseExperiment } from '../../../src/core/experiment';
import { readPublicAsset } from '../../../src/data/node-assets';
import { showsAlpha, useEarlyAlpha } from '../../../src/engine/one-shot/progress';
import { runSearch } from '../../../src/engine/search';
import { on } from '../../nn/helpers';

const shown = (steps: number, first: boolean) => Array.from({ length: steps }, (_, i) => i + 1).filter((done) => showsAlpha(done, steps, first));

describe('when an epoch shows α', () => {
  afterEach(() => useEarlyAlpha(true));

  it('four times an epoch, and in the first epoch α learns also after steps 1, 2, 4, 8…; never at the end (the epoch shows it then)', () => {
    expect(shown(34, false)).toEqual([8, 16, 24, 32]);
    expect(shown(34, true)).toEqual([1, 2, 4, 8, 16, 24, 32]);
    expect(shown(3, true)).toEqual([1, 2]);
    useEarlyAlpha(false);
    expect(shown(34, true)).toEqual([8, 16, 24, 32]);
  });

  it('a DARTS search sends its first α after one weight step, before the first epoch ends', async () => {
    await on('wasm');
    const x = parseExperiment({
      dataset: 'digits',
      data: { maxExamples: 90 },
      space: 'nb201',
      spaceSettings: { nb201: { channels: 2 } },
      strategy: 'darts',
      strategySettings: { oneShot: { epochs: 1 } },
      training: { batchSize: 4 },
    });
    const run = async () => {
      const events: EngineEvent[] = [];
      await runSearch(x, { readAsset: readPublicAsset, backend: 'wasm' }, (e) => events.push(e));
      const start = events.find((e) => e.type === 'start');
      const steps = Math.ceil((start?.type === 'start' ? start.info.dataset.train : 0) / x.training.batchSize);
      const firstEpoch = events.findIndex((e) => e.type === 'epoch');
      const early = events.slice(0, firstEpoch).flatMap((e) => (e.type === 'alphas' ? [e.snapshot] : [])) as AlphaSnapshot[];
      return { steps, early };
    };
    const { steps, early } = await run();
    expect(steps).toBeGreaterThanOrEqual(8);
    expect(early[0]!.epoch).toBeCloseTo(1 / steps, 9);
    // α has moved by then: one architecture step from its near-uniform start.
    expect(Math.max(...early[0]!.probs.flat()) - Math.min(...early[0]!.probs.flat())).toBeGreaterThan(1e-3);
    useEarlyAlpha(false);
    const old = await run();
    expect(old.early[0]!.epoch).toBeCloseTo(Math.floor(steps / 4) / steps, 9);
  });
});
