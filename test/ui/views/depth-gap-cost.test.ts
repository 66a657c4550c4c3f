import { describe, expect, it } from 'vitest';
import { CellSpace } from '../../../src/core/space/cell';
import { createRng } from '../../../src/core/rng';
import { depthGapCosts } from '../../../src/ui/views/depth-gap-cost';

const space = new CellSpace({});
const input = { height: 32, width: 32, channels: 3 };

describe('the depth gap costs, remembered per cell', () => {
  const rng = createRng(7);
  const a = space.sample(rng.fork('a'));
  const b = space.sample(rng.fork('b'));

  it('are the costs of the searched and the DARTS evaluation network', () => {
    const costs = depthGapCosts(a, space.settings);
    expect(costs.search).toEqual(space.cost(a, input, 10));
    expect(costs.evaluation).toEqual(new CellSpace({ ...space.settings, cellsPerStage: 6, channels: 36 }).cost(a, input, 10));
    expect(costs.evaluation.params).toBeGreaterThan(costs.search.params);
  });

  it('are computed once for the same cell and settings, even from a copy of them', () => {
    const first = depthGapCosts(a, space.settings);
    expect(depthGapCosts(structuredClone(a), { ...space.settings })).toBe(first);
  });

  it('are computed anew for another cell or other settings', () => {
    const first = depthGapCosts(a, space.settings);
    expect(depthGapCosts(b, space.settings)).not.toBe(first);
    expect(depthGapCosts(b, space.settings).search).toEqual(space.cost(b, input, 10));
    const wider = { ...space.settings, channels: space.settings.channels * 2 };
    expect(depthGapCosts(a, wider)).not.toBe(first);
    expect(depthGapCosts(a, wider).search).toEqual(new CellSpace(wider).cost(a, input, 10));
  });
});
