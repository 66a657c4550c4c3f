import { describe, expect, it } from 'vitest';
import type { OneShotSettings } from '../../../src/core/one-shot';
import { createRng, type Rng } from '../../../src/core/rng';
import { Nb201Space } from '../../../src/core/space/nb201';
import { Spos } from '../../../src/engine/one-shot/methods';
import { on } from '../../nn/helpers';
import { tinyNb201Setup } from './helpers';

/** SPOS with its weight step's path choice in reach, to see which ops each step trains. */
class OpenSpos extends Spos {
  choose(rng: Rng): number[] {
    const choice = this.weightChoice(rng) as (e: number) => { ops: readonly number[] };
    return this.supernet.edges.map((_, e) => choice(e).ops[0]!);
  }
}

async function spos(change: Partial<OneShotSettings>): Promise<OpenSpos> {
  await on('wasm');
  const setup = tinyNb201Setup('spos', 'spos', 8, change);
  return new OpenSpos(setup);
}

describe('SPOS path sampling', () => {
  it('with fair sampling, trains every op of every edge once in each group of five weight steps', async () => {
    const method = await spos({ sampling: 'fair' });
    const rng = createRng('epoch-1');
    const steps = Array.from({ length: 15 }, () => method.choose(rng));
    for (let g = 0; g < 3; g++) {
      for (let e = 0; e < 6; e++)
        expect(
          steps
            .slice(5 * g, 5 * g + 5)
            .map((p) => p[e])
            .sort(),
        ).toEqual([0, 1, 2, 3, 4]);
    }
    // A new epoch's stream starts a new group, drawn from that stream alone: an epoch replays the same after a resume.
    const again = Array.from({ length: 5 }, () => method.choose(createRng('epoch-1')));
    expect(again[0]).toEqual(steps[0]);
    method.dispose();
  });

  it('by default draws the uniform paths SPOS always drew', async () => {
    const method = await spos({});
    const space = new Nb201Space({ channels: 2, cellsPerStage: 1 });
    const reference = createRng('epoch-1');
    const rng = createRng('epoch-1');
    for (let i = 0; i < 10; i++) expect(method.choose(rng)).toEqual(method.supernet.pathOf(space.sample(reference)).map((ops) => ops[0]));
    method.dispose();
  });

  it('trains an epoch with fair sampling, the same twice under one seed', async () => {
    const losses: number[] = [];
    for (let run = 0; run < 2; run++) {
      const method = await spos({ sampling: 'fair' });
      losses.push((await method.trainEpoch(1)).loss);
      method.supernet.dispose();
      method.dispose();
    }
    expect(Number.isFinite(losses[0])).toBe(true);
    expect(losses[1]).toBe(losses[0]);
  });
});
