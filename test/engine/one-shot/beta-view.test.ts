import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { RESOLUTION_MOVES, ResolutionSpace, type ResolutionGenotype } from '../../../src/core/space/resolution';
import { moveDelta, trellisRows } from '../../../src/core/space/resolution-trellis';
import { betaSnapshot, trellisWeights } from '../../../src/engine/one-shot/beta-view';
import { snapshotOf, weightedGraph } from '../../../src/engine/one-shot/snapshots';
import { buildSupernet } from '../../../src/nn/supernet/index';
import { on } from '../../nn/helpers';

describe('β on the page: the trellis drawn with β as edge widths', () => {
  const space = new ResolutionSpace({ layers: 3, levels: 3, channels: 2 });
  const rows = trellisRows(3, 3);
  const beta = rows.map((row, i) => {
    const raw = row.moves.map((ok, k) => (ok ? 1 + ((i + k) % 3) : 0));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => v / sum);
  });

  it('each transition out of a node the path can leave weighs its move’s β; the decoded path stays bold', () => {
    const g = { path: [1, 1, 0], block: 'conv3x3' as const };
    const graph = trellisWeights(space.describe(g), beta, rows);
    rows.forEach((row, i) =>
      RESOLUTION_MOVES.forEach((move, k) => {
        if (!row.moves[k]) return;
        const edge = graph.edges.find((e) => e.from === `t${row.layer}-${row.level}` && e.to === `t${row.layer + 1}-${row.level + moveDelta(move)}`);
        expect(edge?.weight, `${row.layer},${row.level} ${move}`).toBe(beta[i]![k]);
      }),
    );
    const bold = graph.edges.filter((e) => !e.faint).map((e) => `${e.from}>${e.to}`);
    expect(bold).toEqual(['t0-0>t1-1', 't1-1>t2-1', 't2-1>t3-0']);
    // Nodes no path reaches before a layer have no β row: their edges stay unweighted.
    expect(graph.edges.find((e) => e.from === 't0-1')?.weight).toBeUndefined();
  });

  it('the α snapshot carries β beside α (not in its place), with the decoded path and its entropy', async () => {
    await on('wasm');
    const supernet = buildSupernet(space, { height: 8, width: 8, channels: 1 }, 3, createRng('beta-view'));
    try {
      const probs = [supernet.ops.map((_, k) => (k + 1) / 10)];
      const view = { kind: 'alpha' as const, probs, beta };
      const derived = supernet.derive(probs, undefined, beta) as ResolutionGenotype;
      const snapshot = snapshotOf(view, supernet, 1, 0, [supernet.ops.map(() => true)], derived, space);
      expect(snapshot.probs).toEqual(probs);
      expect(snapshot.chosen).toEqual([[supernet.ops.length - 1]]);
      expect(snapshot.beta).toEqual(betaSnapshot(beta, rows, derived));
      expect(snapshot.beta!.path).toEqual(derived.path);
      expect(snapshot.derived).toBe(space.encode(derived));
      expect(weightedGraph(space.describe(derived), view, supernet)).toEqual(trellisWeights(space.describe(derived), beta, rows));
    } finally {
      supernet.dispose();
    }
  });
});
