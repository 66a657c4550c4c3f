import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { notesOf, validationNote } from '../../src/core/notes';

describe('notes on settings that run but hide what they are for', () => {
  it('has none for the defaults', () => {
    expect(notesOf(parseExperiment({}))).toEqual([]);
  });

  it('says when the random start-up takes the whole budget', () => {
    const [note] = notesOf(parseExperiment({ strategy: 'tpe', budget: 8 }));
    expect(note?.field).toBe('budget');
    expect(note?.message).toMatch(/^All 8 trials are TPE's random start-up \(its first 10\)/);
    expect(notesOf(parseExperiment({ strategy: 'tpe', budget: 11 }))).toEqual([]);
    expect(notesOf(parseExperiment({ strategy: 'evolution', strategySettings: { evolution: { population: 30 } } }))[0]?.message).toMatch(/first 30/);
    expect(notesOf(parseExperiment({ strategy: 'random', budget: 2 }))).toEqual([]);
  });

  it('says when Hyperband has one rung', () => {
    const [note] = notesOf(parseExperiment({ strategy: 'hyperband', training: { epochs: 2 } }));
    expect(note).toEqual({
      field: 'training.epochs',
      message:
        'With 2 epochs and η = 3, Hyperband has one rung: every candidate trains for all of them, so it searches like random search. 9 epochs give it three rungs (1, 3 and 9 epochs).',
    });
    expect(notesOf(parseExperiment({ strategy: 'bohb', training: { epochs: 3 } }))).toEqual([]);
  });

  it('says when the surrogate would predict nothing', () => {
    expect(notesOf(parseExperiment({ surrogate: { enabled: true, warmup: 30 } }))[0]?.field).toBe('surrogate.enabled');
  });

  it('warns when validation is too small to rank trials', () => {
    expect(validationNote(12)).toMatch(/^Validation has 12 examples, so accuracy moves in steps of 8\.3 points/);
    expect(validationNote(360)).toBeNull();
  });
});
