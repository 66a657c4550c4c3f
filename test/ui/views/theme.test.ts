import { describe, expect, it } from 'vitest';
import { OP_TABLES, type OpId } from '../../../src/core/ops/index';
import { opColor, opLabel, opLookOf, UNKNOWN_OP } from '../../../src/ui/views/theme';

const everyOp = Object.entries(OP_TABLES).flatMap(([vocabulary, table]) => Object.keys(table).map((id) => [vocabulary, id as OpId] as const));

describe('theme', () => {
  it.each(everyOp)('%s / %s: is drawn with its table’s colour and label, not the fallback', (_vocabulary, id) => {
    expect(opColor(id)).not.toBe(UNKNOWN_OP.color);
    expect(opLabel(id)).not.toBe(id);
    expect(opLookOf(id)).toEqual({ label: opLabel(id), color: opColor(id) });
  });

  it('colours the structural kinds, and shows an unknown op name as it is in the fallback colour', () => {
    for (const kind of ['input', 'output', 'node'] as const) expect(opColor(kind)).toMatch(/^#[0-9a-f]{6}$/);
    expect(opLookOf('negate')).toEqual({ label: 'negate', color: UNKNOWN_OP.color });
  });
});
