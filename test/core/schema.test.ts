import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { DATASETS } from '../../src/core/dataset/index';
import { EVALUATORS } from '../../src/core/evaluator/index';
import { ONE_SHOT, ONE_SHOT_SETTINGS } from '../../src/core/one-shot/index';
import { ExperimentSchema, type Experiment } from '../../src/core/schema';
import { fieldInfo, fieldSchema, int, settingsObject, settingsOf } from '../../src/core/schema-tools';
import { SPACES } from '../../src/core/space/index';
import { STRATEGIES } from '../../src/core/strategy/index';

const defaults = v.parse(ExperimentSchema, {});

describe('the experiment schema, composed from the registries', () => {
  it('offers every entry of every registry as a choice', () => {
    const options = (path: string) => fieldInfo(fieldSchema(ExperimentSchema, path)).options;
    expect(options('dataset')).toEqual(DATASETS.map((d) => d.id));
    expect(options('space')).toEqual(SPACES.map((s) => s.id));
    expect(options('evaluator')).toEqual(EVALUATORS.map((e) => e.id));
    expect(options('strategy')).toEqual([...STRATEGIES, ...ONE_SHOT].map((s) => s.id));
  });

  it("holds every entry's settings group, filled with the defaults of the entry's own schema", () => {
    for (const entry of SPACES) {
      if (entry.settings) expect((defaults.spaceSettings as Record<string, unknown>)[entry.settings.key]).toEqual(v.parse(entry.settings.schema, {}));
    }
    for (const entry of STRATEGIES) {
      if (entry.settings) expect((defaults.strategySettings as Record<string, unknown>)[entry.settings.key]).toEqual(v.parse(entry.settings.schema, {}));
    }
    expect(defaults.strategySettings.oneShot).toEqual(v.parse(ONE_SHOT_SETTINGS, {}));
  });

  it('takes a new entry into a settings object without further edits, and entries may share a group', () => {
    const knob = v.object({ knob: v.optional(int(1, 9), 4) });
    const schema = settingsObject([
      { settings: { key: 'a', schema: knob } },
      { id: 'none' },
      { settings: { key: 'a', schema: knob } },
      { settings: { key: 'b', schema: knob } },
    ]);
    expect(Object.keys(schema.entries)).toEqual(['a', 'b']);
    expect(v.parse(schema, {})).toEqual({ a: { knob: 4 }, b: { knob: 4 } });
    expect(v.safeParse(schema, { b: { knob: 10 } }).success).toBe(false);
  });

  it('tells a control or a flag the kind, bounds, step, label and default of a field', () => {
    expect(fieldInfo(fieldSchema(ExperimentSchema, 'spaceSettings.chain.depth'))).toMatchObject({
      kind: 'integer',
      min: 1,
      max: 12,
      step: 1,
      label: 'Layers',
      default: 4,
    });
    expect(fieldInfo(fieldSchema(ExperimentSchema, 'spaceSettings.cell.channels'))).toMatchObject({ kind: 'integer', min: 2, max: 64, step: 2 });
    expect(fieldInfo(fieldSchema(ExperimentSchema, 'strategySettings.oneShot.skipDropout'))).toMatchObject({ kind: 'number', min: 0, max: 0.9, step: 0.05 });
    expect(fieldInfo(fieldSchema(ExperimentSchema, 'strategySettings.oneShot.order'))).toMatchObject({ kind: 'choice', options: [1, 2], default: 1 });
    expect(fieldInfo(fieldSchema(ExperimentSchema, 'hpo.batchSize'))).toMatchObject({ kind: 'list', item: { kind: 'integer', min: 1, max: 1024 } });
    expect(() => fieldSchema(ExperimentSchema, 'spaceSettings.chain.nope')).toThrow(/no field/);
  });

  it('validates settings a class is built with, keeping fields the schema does not hold', () => {
    const knob = v.object({ knob: v.optional(int(1, 9), 4) });
    expect(settingsOf(knob, {})).toEqual({ knob: 4 });
    expect(settingsOf<typeof knob, { knob: number; fixed: number }>(knob, { fixed: 2 })).toEqual({ knob: 4, fixed: 2 });
    expect(() => settingsOf(knob, { knob: 10 }, 'The knob settings')).toThrow(/The knob settings are not valid — knob/);
  });

  it('infers a precise experiment type from the entries (checked by the type checker)', () => {
    expectTypeOf<Experiment['strategySettings']['evolution']['population']>().toEqualTypeOf<number>();
    expectTypeOf<Experiment['strategySettings']['oneShot']['order']>().toEqualTypeOf<1 | 2>();
    expectTypeOf<Experiment['spaceSettings']['cell']['ops']>().toEqualTypeOf<'darts' | 'nasnet'>();
    expectTypeOf<Experiment['space']>().toEqualTypeOf<'chain' | 'cell' | 'nb201' | 'mnas' | 'resolution' | 'hierarchical'>();
    expectTypeOf<Experiment['strategy']>().toExtend<string>();
    expectTypeOf<'grid'>().toExtend<Experiment['strategy']>();
    expectTypeOf<Experiment['strategySettings']>().not.toBeAny();
    expectTypeOf<keyof Experiment['spaceSettings']>().toEqualTypeOf<'chain' | 'cell' | 'nb201' | 'resolution' | 'hierarchical'>();
  });
});
