import { describe, expect, it } from 'vitest';
import { DEFAULT_ONE_SHOT } from '../../../src/core/one-shot';
import { createRng } from '../../../src/core/rng';
import { CellSpace, type CellGenotype } from '../../../src/core/space/cell';
import { capSkips, keepCount, pdartsPlan, prune } from '../../../src/engine/one-shot/pdarts';
import { buildSupernet } from '../../../src/nn/supernet/index';
import { on } from '../../nn/helpers';

describe('P-DARTS', () => {
  it('keeps 8 → 5 → 3 of DARTS’s ops per edge over three stages, 8 → 5 over two, never fewer than 2', () => {
    expect([0, 1, 2].map((s) => keepCount(8, s, 3))).toEqual([8, 5, 3]);
    expect([0, 1].map((s) => keepCount(8, s, 2))).toEqual([8, 5]);
    expect(keepCount(3, 2, 3)).toBe(2);
  });

  it('deepens the supernet by a cell per stage and raises skip dropout with the stage, up to 0.9', () => {
    const plan = pdartsPlan({ ...DEFAULT_ONE_SHOT, stages: 3, skipDropout: 0.4 });
    expect(plan.stages).toBe(3);
    expect([0, 1, 2].map(plan.extraCells)).toEqual([0, 1, 2]);
    expect([0, 1, 2].map(plan.skipDropout)).toEqual([0.4, 0.8, 0.9]);
    expect(plan.ranksPaths).toBe(false);
  });

  it('prunes each edge to its most likely allowed ops; a zero op genotypes never use stays, outside the count', async () => {
    await on('wasm');
    const supernet = buildSupernet(new CellSpace({ nodes: 2, channels: 2 }), { height: 8, width: 8, channels: 1 }, 3, createRng('prune'));
    try {
      const rng = createRng('probs');
      const probs = supernet.edges.map(() => supernet.ops.map(() => rng.next()));
      const all = probs.map((row) => row.map(() => true));
      const kept = prune(probs, all, 5, supernet);
      kept.forEach((row, e) => {
        expect(row[0]).toBe(true);
        expect(row.filter(Boolean)).toHaveLength(5);
        const weakestKept = Math.min(...probs[e]!.filter((_, k) => k > 0 && row[k]));
        const strongestDropped = Math.max(...probs[e]!.filter((_, k) => k > 0 && !row[k]));
        expect(weakestKept).toBeGreaterThan(strongestDropped);
      });
      // Pruning again only ever removes: what was dropped stays dropped.
      const again = prune(probs, kept, 3, supernet);
      again.forEach((row, e) => row.forEach((on, k) => on && expect(kept[e]![k]).toBe(true)));
    } finally {
      supernet.dispose();
    }
  });

  it('caps the derived normal cell at two skips, replacing the weakest ones by their edges’ next best op; reduction cells are left alone', async () => {
    await on('wasm');
    const supernet = buildSupernet(new CellSpace({ nodes: 4, channels: 2 }), { height: 8, width: 8, channels: 1 }, 3, createRng('cap'));
    try {
      const skip = supernet.ops.indexOf('skip_connect');
      const conv = supernet.ops.indexOf('sep_conv_3x3');
      // Skip leads on every edge, more strongly on later rows; sep conv is everywhere second.
      const probs = supernet.edges.map((_, e) => supernet.ops.map((_, k) => (k === skip ? 0.5 + e / 100 : k === conv ? 0.3 : 0.01)));
      const allowed = probs.map((row) => row.map(() => true));
      const uncapped = supernet.derive(probs, allowed) as CellGenotype;
      expect(uncapped.normal.edges.filter(([op]) => op === 'skip_connect').length).toBeGreaterThan(2);
      const capped = capSkips(supernet, probs, allowed) as CellGenotype;
      const skips = capped.normal.edges.flatMap(([op], e) => (op === 'skip_connect' ? [e] : []));
      expect(skips).toHaveLength(2);
      // The two that stay are the strongest: the last node's edges, on the highest rows.
      expect(skips.every((e) => Math.floor(e / 2) === 3)).toBe(true);
      expect(capped.normal.edges.filter(([op]) => op !== 'skip_connect').every(([op]) => op === 'sep_conv_3x3')).toBe(true);
      expect(capped.reduce).toEqual(uncapped.reduce);
    } finally {
      supernet.dispose();
    }
  });
});
