import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { MAX_FILE_BYTES } from '../../src/core/limits';
import { cleanTable } from '../../src/data/clean';
import { parseUserCsv } from '../../src/data/user-csv';

const csv = (text: string) => new TextEncoder().encode(text);

function refusal(text: string | Uint8Array, label?: string): string {
  try {
    parseUserCsv(typeof text === 'string' ? csv(text) : text, { name: 'data.csv', label });
  } catch (e) {
    expect(e).toBeInstanceOf(PlaygroundError);
    return (e as PlaygroundError).describe();
  }
  throw new Error('the file was accepted');
}

describe("the user's own CSV", () => {
  it('reads a header, numeric features and a text label (the last column by default)', () => {
    const data = parseUserCsv(csv('height,weight,kind\n1.5,60,cat\n1.7,70,dog\n1.6,65,cat\n1.8,80,dog\n'), { name: 'pets.csv' });
    expect(data.info.input).toEqual({ height: 1, width: 1, channels: 2 });
    expect(data.info.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(data.examples.y)).toEqual([0, 1, 0, 1]);
    expect(data.info.columns).toEqual(['height', 'weight']);
  });

  it('takes the label column by name or position, and reads files without a header', () => {
    const byName = parseUserCsv(csv('a,label,b\n1,x,2\n3,y,4\n5,x,6\n7,y,8\n'), { label: 'label' });
    expect(byName.info.classNames).toEqual(['x', 'y']);
    expect(byName.info.columns).toEqual(['a', 'b']);
    const noHeader = parseUserCsv(csv('1,2,0\n3,4,1\n5,6,0\n7,8,1\n'), { label: '3' });
    expect(noHeader.examples.n).toBe(4);
    expect(noHeader.info.classNames).toEqual(['0', '1']);
  });

  it('fills missing feature values with the column mean or median, or drops their rows, and says how many', () => {
    const raw = parseUserCsv(csv('a,b,y\n1,,0\n3,4,1\n,6,0\n7,8,1\n9,9,0\n11,12,0\n'));
    const mean = cleanTable(raw, { missing: 'mean', outliers: 'keep', scale: 'none' });
    expect(mean.examples.x[1]).toBeCloseTo(39 / 5, 5); // mean of 4, 6, 8, 9, 12
    expect(mean.examples.x[4]).toBeCloseTo(31 / 5, 5); // mean of 1, 3, 7, 9, 11
    expect(mean.info.cleaning!.missing).toEqual({ cells: 2, rowsDropped: 0, filledWith: 'mean' });
    const median = cleanTable(raw, { missing: 'median', outliers: 'keep', scale: 'none' });
    expect(median.examples.x[1]).toBeCloseTo(8, 6); // median of 4, 6, 8, 9, 12
    const dropped = cleanTable(raw, { missing: 'drop', outliers: 'keep', scale: 'none' });
    expect(dropped.examples.n).toBe(4);
    expect(dropped.info.cleaning!.missing.rowsDropped).toBe(2);
    // Dropping may leave a class with one example: refused, saying what to do instead.
    expect(() => cleanTable(parseUserCsv(csv('a,b,y\n1,,0\n3,4,1\n,6,0\n7,8,1\n9,9,0\n')), { missing: 'drop', outliers: 'keep', scale: 'none' })).toThrow(
      /single example after dropping 2 rows/,
    );
  });

  it('detects column types: numbers stay numbers, a few words become one-hot columns, free text is refused', () => {
    const data = parseUserCsv(csv('size,w,y\nS,1,0\nM,2,1\nL,3,0\nM,4,1\n'));
    expect(data.info.columns).toEqual(['size=L', 'size=M', 'size=S', 'w']);
    expect(Array.from(data.examples.x.slice(0, 4))).toEqual([0, 0, 1, 1]);
    expect(data.info.cleaning!.types).toEqual([
      { column: 'size', type: 'categorical', values: 3 },
      { column: 'w', type: 'numeric' },
    ]);
    const names = Array.from({ length: 30 }, (_, i) => `name${i},${i},${i % 2}`).join('\n');
    expect(() => parseUserCsv(csv(`who,w,y\n${names}\n`))).toThrow(/30 different text values/);
  });

  it('clips or drops outliers beyond 3 standard deviations, leaving 0/1 columns alone, and notes imbalanced classes', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i % 2},${i < 24 ? 0 : 1}`);
    rows.push('1000,1,0');
    const raw = parseUserCsv(csv(`a,flag,y\n${rows.join('\n')}\n`));
    const kept = cleanTable(raw, { missing: 'mean', outliers: 'keep', scale: 'none' });
    expect(kept.info.cleaning!.outliers.cells).toBe(1);
    expect(kept.examples.x[30 * 2]).toBe(1000);
    const clipped = cleanTable(raw, { missing: 'mean', outliers: 'clip', scale: 'none' });
    expect(clipped.examples.x[30 * 2]).toBeLessThan(1000);
    expect(clipped.examples.x[30 * 2]).toBeGreaterThan(4);
    const dropped = cleanTable(raw, { missing: 'mean', outliers: 'drop', scale: 'none' });
    expect(dropped.examples.n).toBe(30);
    expect(dropped.info.cleaning!.labelNotes.join(' ')).toMatch(/imbalanced: the largest has 24 examples, the smallest 6/);
  });

  it.each([
    ['an empty file', '', /is empty/],
    ['a file of blank lines', '\n\n  \n', /is empty/],
    ['ragged rows', 'a,b,y\n1,2,0\n3,4\n5,6,1\n', /Row 3 of data\.csv has 2 values where the header has 3/],
    ['text in a numeric column', 'a,b,y\n1,2,0\n3,oops,1\n5,6,0\n7,8,1\n', /Column "b" .* has text \("oops"\) in row 3/],
    ['one class only', 'a,y\n1,yes\n2,yes\n3,yes\n', /only one class \("yes"\)/],
    ['a class with one example', 'a,y\n1,a\n2,a\n3,b\n', /"b" .* has a single example/],
    ['a single column', 'y\n1\n2\n', /single column/],
    ['an unknown label column', 'a,y\n1,0\n2,1\n', /no column "z"/],
  ])('refuses %s with a message that says what to do', (_name, text, message) => {
    expect(refusal(text, _name === 'an unknown label column' ? 'z' : undefined)).toMatch(message);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(refusal(new Uint8Array(MAX_FILE_BYTES + 1))).toMatch(/reads tables up to 50 MB.*sample/);
  });
});

describe('cleaning your own CSV', () => {
  it('removes duplicate rows and constant columns, and reports what it did', () => {
    const data = parseUserCsv(csv('a,same,b,y\n1,7,2,0\n1,7,2,0\n3,7,4,1\n5,7,6,0\n7,7,8,1\n'), { name: 'd.csv' });
    expect(data.examples.n).toBe(4);
    expect(data.info.columns).toEqual(['a', 'b']);
    expect(data.info.cleaning).toMatchObject({ rows: 5, duplicates: 1, constant: ['same'] });
    expect(() => parseUserCsv(csv('a,y\n1,0\n1,1\n1,0\n1,1\n'))).toThrow(/single value/);
  });
});
