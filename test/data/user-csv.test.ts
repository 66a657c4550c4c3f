import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../../src/core/errors';
import { MAX_FILE_BYTES } from '../../src/core/limits';
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

  it('fills missing feature values with the column mean and says how many', () => {
    const data = parseUserCsv(csv('a,b,y\n1,,0\n3,4,1\n,6,0\n7,8,1\n'));
    expect(data.examples.x[1]).toBeCloseTo(6, 6); // mean of 4, 6, 8
    expect(data.examples.x[4]).toBeCloseTo(11 / 3, 5); // mean of 1, 3, 7
    expect(data.info.source).toMatch(/2 missing values/);
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
    expect(data.info.source).toMatch(/1 duplicate row removed; constant column "same" dropped/);
    expect(() => parseUserCsv(csv('a,y\n1,0\n1,1\n1,0\n1,1\n'))).toThrow(/single value/);
  });
});
