import { describe, expect, it } from 'vitest';
import { BENCHMARK_DATASETS } from '../../src/core/experiment';
import { createRng } from '../../src/core/rng';
import { Nb201Space } from '../../src/core/space/nb201';
import { loadNb201Table, Nb201Table } from '../../src/data/nb201-table';
import { readPublicAsset } from '../../src/data/node-assets';

const space = new Nb201Space();

describe('NAS-Bench-201 table', () => {
  it('holds every one of the 15 625 cells with accuracies in range', async () => {
    const table = await loadNb201Table(readPublicAsset);
    for (const d of BENCHMARK_DATASETS) {
      for (const which of ['valid12', 'test200'] as const) {
        const column = table.column(d, which);
        expect(column).toHaveLength(15625);
        expect(column.every((v) => v >= 0 && v <= 1)).toBe(true);
      }
    }
  });

  it('matches the published facts: best CIFAR-10 cell 94.37 %, the all-none cell at chance', async () => {
    const table = await loadNb201Table(readPublicAsset);
    expect(table.best('cifar10')).toBeCloseTo(0.9437, 4);
    const none = space.decode('|none~0|+|none~0|none~1|+|none~0|none~1|none~2|');
    expect(table.get(none, 'cifar10').test200).toBeCloseTo(0.1, 3);
    const best = space.decode('|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|');
    expect(table.get(best, 'cifar10').test200).toBeCloseTo(0.9437, 4);
  });

  it('indexes cells one to one', () => {
    const rng = createRng(1);
    const seen = new Map<number, string>();
    for (let i = 0; i < 2000; i++) {
      const g = space.sample(rng);
      const k = Nb201Table.index(g);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(15625);
      const prior = seen.get(k);
      if (prior) expect(prior).toBe(space.encode(g));
      seen.set(k, space.encode(g));
    }
  });

  it('ranks cells by 12-epoch validation close to their 200-epoch test ranks (Kendall τ ≈ 0.7, as published)', async () => {
    const table = await loadNb201Table(readPublicAsset);
    const valid = table.column('cifar10', 'valid12');
    const test = table.column('cifar10', 'test200');
    const rng = createRng('tau');
    let concordant = 0;
    let discordant = 0;
    for (let k = 0; k < 40000; k++) {
      const i = rng.int(15625);
      const j = rng.int(15625);
      const s = Math.sign(valid[i]! - valid[j]!) * Math.sign(test[i]! - test[j]!);
      if (s > 0) concordant++;
      else if (s < 0) discordant++;
    }
    const tau = (concordant - discordant) / (concordant + discordant);
    expect(tau).toBeGreaterThan(0.6);
    expect(tau).toBeLessThan(0.85);
  });

  it('says the table is damaged rather than returning wrong numbers', () => {
    expect(() => Nb201Table.parse(new TextEncoder().encode('arch,c10_test\n'))).toThrow(/no column/);
    expect(() => Nb201Table.parse(new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).toThrow(/damaged/);
  });
});
