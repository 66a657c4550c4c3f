import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { defaultExperiment, minimalExperiment, parseExperiment } from '../../src/core/experiment';

describe('experiment config', () => {
  it('fills every field with a default', () => {
    const x = defaultExperiment();
    expect(x.dataset).toBe('digits');
    expect(x.training.epochs).toBeGreaterThan(0);
    expect(x.spaceSettings.nb201.channels).toBeGreaterThan(0);
    expect(parseExperiment({ training: { epochs: 5 } }).training.batchSize).toBe(x.training.batchSize);
  });

  it('rejects bad values with the field named', () => {
    expect(() => parseExperiment({ dataset: 'imagenet' })).toThrow(/dataset/);
    expect(() => parseExperiment({ training: { epochs: 0 } })).toThrow(/training\.epochs/);
    expect(() => parseExperiment({ seed: 1.5 })).toThrow(PlaygroundError);
    expect(() => parseExperiment({ strategySettings: { evolution: { population: 3, sample: 5 } } })).toThrow(/larger than its population/);
  });

  it('keeps only what differs from the defaults', () => {
    const x = parseExperiment({ budget: 20, training: { epochs: 4 } });
    expect(minimalExperiment(x)).toEqual({ budget: 20, training: { epochs: 4 } });
    expect(parseExperiment(minimalExperiment(x))).toEqual(x);
  });
});
