import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ONE_SHOT } from '../../src/core/one-shot/index';
import { problemsOf } from '../../src/core/rules';
import { ExperimentSchema } from '../../src/core/schema';
import { STRATEGIES } from '../../src/core/strategy/index';

const raw = (input: object) => v.parse(ExperimentSchema, { dataset: 'digits', space: 'hierarchical', ...input });

describe('what the hierarchical space runs with', () => {
  it('takes every ask/tell strategy on images', () => {
    for (const s of STRATEGIES) expect(problemsOf(raw({ strategy: s.id })), s.id).toEqual([]);
  });

  it('refuses every weight-sharing method, as it has no supernet, saying which spaces have one', () => {
    for (const m of ONE_SHOT) {
      const problems = problemsOf(raw({ strategy: m.id }));
      expect(problems.length, m.id).toBeGreaterThan(0);
      expect(problems.map((p) => p.message).join(' ')).toMatch(/supernet/);
    }
  });

  it('refuses tables and points, which it has no form for', () => {
    expect(problemsOf(raw({ dataset: 'iris' })).map((p) => p.field)).toContain('space');
  });
});
