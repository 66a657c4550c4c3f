import { describe, expect, it } from 'vitest';
import type { OneShotSettings } from '../../../src/core/one-shot';
import { createRng } from '../../../src/core/rng';
import { Nb201Space } from '../../../src/core/space/nb201';
import { Spos } from '../../../src/engine/one-shot/methods';
import { readVariables } from '../../../src/engine/one-shot/common';
import { on } from '../../nn/helpers';
import { tinyNb201Setup } from './helpers';

async function trained(change: Partial<OneShotSettings>): Promise<Spos> {
  await on('wasm');
  const method = new Spos(tinyNb201Setup('spos', 'finetune', 8, change));
  await method.trainEpoch(1);
  return method;
}

const weightsOf = (m: Spos) => readVariables([...m.supernet.ctx.trainable, ...m.supernet.ctx.statistics]);

describe('fine-tuning a scored path before it is scored', () => {
  it('scores with inherited weights as they are at 0 steps, and leaves the shared weights as they were after fine-tuning', async () => {
    const plain = await trained({});
    const space = new Nb201Space({ channels: 2, cellsPerStage: 1 });
    const cells = Array.from({ length: 3 }, (_, i) => space.sample(createRng(`cell-${i}`)));
    const asTheyAre = [];
    for (const [i, g] of cells.entries()) asTheyAre.push(await plain.rankScore(g, 1000 + i));
    const again = [];
    for (const [i, g] of cells.entries()) again.push(await plain.score(g, 1000 + i));
    expect(asTheyAre).toEqual(again);
    plain.supernet.dispose();
    plain.dispose();

    const tuned = await trained({ finetuneSteps: 6 });
    const before = await weightsOf(tuned);
    const scores = [];
    for (const [i, g] of cells.entries()) scores.push(await tuned.rankScore(g, 1000 + i));
    const after = await weightsOf(tuned);
    // Each candidate started from the same shared weights, and they are back (statistics included).
    expect(after.map((w) => Array.from(w))).toEqual(before.map((w) => Array.from(w)));
    // The same path scores the same again: its fine-tuning batches are drawn by its encoding.
    expect(await tuned.rankScore(cells[0], 1000)).toBe(scores[0]);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    // Both supernets trained alike: the fine-tuned scores are the tuning's doing.
    expect(scores).not.toEqual(asTheyAre);
    // Fine-tuning the winner keeps what it trained: the weights move.
    await tuned.finetune(cells[0]);
    const kept = await weightsOf(tuned);
    expect(kept.some((w, i) => w.some((x, j) => x !== before[i]![j]))).toBe(true);
    tuned.supernet.dispose();
    tuned.dispose();
  });
});
