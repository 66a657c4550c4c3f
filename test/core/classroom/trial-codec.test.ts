import { describe, expect, it } from 'vitest';
import { decodeTrials, encodeTrials, TrialCodecError } from '../../../src/core/classroom/trial-codec';
import { createRng } from '../../../src/core/rng';
import { createSpace, SPACE_IDS } from '../../../src/core/space/index';
import type { Nb201Genotype } from '../../../src/core/space/nb201';
import { Nb201Table } from '../../../src/data/nb201-table';

const GRID = { learningRate: [0.01, 0.1], batchSize: [16, 32], weightDecay: [0, 1e-4] };

describe('trials as bytes', () => {
  for (const id of SPACE_IDS) {
    for (const hpo of [false, true]) {
      it(`round-trips ${id}${hpo ? ' with hyperparameters' : ''}, repeats and float64 accuracies included`, () => {
        const space = createSpace(id, {}, hpo ? GRID : null);
        const rng = createRng(11).fork(`codec-${id}`);
        const trials = Array.from({ length: 40 }, () => ({ encoded: space.encode(space.sample(rng)), accuracy: rng.next() }));
        trials.push({ ...trials[0]! }, { ...trials[7]!, accuracy: 0 }, { ...trials[9]!, accuracy: 1 });
        expect(decodeTrials(encodeTrials(trials, space), space)).toEqual(trials);
      });
    }
  }

  it('numbers NAS-Bench-201 cells as the table does and writes table accuracies as float32', () => {
    const space = createSpace('nb201');
    const rng = createRng(3).fork('codec-index');
    const cells = Array.from({ length: 20 }, () => space.sample(rng) as Nb201Genotype);
    const trials = cells.map((g, i) => ({ encoded: space.encode(g), accuracy: Math.fround(i / 20) }));
    const bytes = encodeTrials(trials, space);
    expect(bytes[1]).toBe(3); // numbered, float32
    let at = 3;
    const varint = () => {
      let n = 0;
      for (let scale = 1; ; scale *= 128) {
        const b = bytes[at++]!;
        n += (b & 0x7f) * scale;
        if (b < 128) return n;
      }
    };
    expect(cells.map(() => varint())).toEqual(cells.map((g) => Nb201Table.index(g)));
    expect(bytes.length - at).toBe(4 * trials.length);
    expect(decodeTrials(bytes, space)).toEqual(trials);
  });

  it('refuses a numbered payload for a space too large to number, and bytes left over', () => {
    const cell = createSpace('cell');
    expect(() => decodeTrials(Uint8Array.of(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0), cell)).toThrow(TrialCodecError);
    const nb201 = createSpace('nb201');
    const bytes = encodeTrials([{ encoded: nb201.encode(nb201.sample(createRng(1))), accuracy: 0.5 }], nb201);
    expect(() => decodeTrials(Uint8Array.from([...bytes, 0]), nb201)).toThrow(/left over/);
  });
});
