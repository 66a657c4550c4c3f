import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/digest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { MAX_FILE_BYTES } from '../../src/core/limits';
import { applyCleaningFit } from '../../src/data/append';
import { cleanTable } from '../../src/data/clean';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { parseUserCsv } from '../../src/data/user-csv';

const bytes = (text: string) => new TextEncoder().encode(text);
const rows = (count: number, row: (i: number) => string) => Array.from({ length: count }, (_, i) => row(i)).join('\n');

/** 40 rows: "size" around 10 (one cell missing), a colour category, a class. */
const FIRST = bytes(`size,colour,kind\n${rows(40, (i) => `${i === 3 ? '' : 8 + (i % 5) + i / 100},${['red', 'blue'][i % 2]},${['cat', 'dog'][i % 2]}`)}\n`);
/** Its own "size" is around 1000: a mean refitted on it would fill gaps with about 1000. */
const SECOND = bytes(`kind,size,colour\n${rows(10, (i) => `${['cat', 'dog'][i % 2]},${i < 2 ? '' : 1000 + i},${['blue', 'red'][i % 2]}`)}\n`);

function experiment(cleaning: object = {}) {
  return parseExperiment({
    dataset: 'own',
    data: { file: { name: 'first.csv', hash: contentHash(FIRST) }, cleaning: { scale: 'none', ...cleaning } },
  });
}
const first = { name: 'first.csv', bytes: FIRST };

async function refusal(text: string | Uint8Array): Promise<string> {
  try {
    await prepareData(experiment(), readPublicAsset, first, undefined, {
      appended: [{ name: 'more.csv', bytes: typeof text === 'string' ? bytes(text) : text }],
    });
  } catch (e) {
    expect(e).toBeInstanceOf(PlaygroundError);
    return (e as PlaygroundError).describe();
  }
  throw new Error('the appended file was accepted');
}

describe('data appended to a running experiment', () => {
  it("fills the new file's gaps with the first file's mean, not its own, and puts its rows in the training split only", async () => {
    const before = await prepareData(experiment(), readPublicAsset, first);
    const after = await prepareData(experiment(), readPublicAsset, first, undefined, { appended: [{ name: 'more.csv', bytes: SECOND }] });
    const d = before.input.channels;
    expect(after.val).toEqual(before.val);
    expect(after.test).toEqual(before.test);
    expect(after.train.n).toBe(before.train.n + 10);
    // The first file's mean of "size" (its present values), computed here from the file itself.
    const present = Array.from({ length: 40 }, (_, i) => i)
      .filter((i) => i !== 3)
      .map((i) => 8 + (i % 5) + i / 100);
    const firstMean = present.reduce((a, b) => a + b, 0) / present.length;
    const added = Array.from({ length: 10 }, (_, k) => after.train.x[(before.train.n + k) * d]!);
    expect(added[0]).toBeCloseTo(firstMean, 4);
    expect(added[1]).toBeCloseTo(firstMean, 4);
    expect(added.slice(2)).toEqual(Array.from({ length: 8 }, (_, k) => 1002 + k));
    // Columns are matched by name: the second file's "colour" is its last column, its label the first.
    const colourAt = before.info.columns!.indexOf('colour=blue');
    expect(after.train.x[before.train.n * d + colourAt]).toBe(1);
    expect(Array.from(after.train.y.slice(before.train.n))).toEqual(Array.from({ length: 10 }, (_, k) => k % 2));
    expect(after.prep.appended).toEqual([
      {
        name: 'more.csv',
        unit: 'rows',
        added: 10,
        duplicates: 0,
        dropped: 0,
        filled: 2,
        clipped: 0,
        train: after.train.n,
        total: after.train.n + after.val.n + after.test.n,
        version: 1,
      },
    ]);
  });

  it("clips with the first file's outlier bounds and scales with its training split's statistics", async () => {
    const x = experiment({ outliers: 'clip', scale: 'standard' });
    const before = await prepareData(x, readPublicAsset, first);
    const after = await prepareData(x, readPublicAsset, first, undefined, { appended: [{ name: 'more.csv', bytes: SECOND }] });
    expect(after.prep.appended![0]!.clipped).toBe(8);
    // Scaled with the first training split's shift and scale: the rows it already had are unchanged.
    expect(after.train.x.slice(0, before.train.x.length)).toEqual(before.train.x);
    const clean = cleanTable(parseUserCsv(FIRST, { name: 'first.csv' }), x.data.cleaning);
    const high = clean.fit.bounds[0]![1];
    const { examples, clipped } = applyCleaningFit({ x: Float32Array.of(5000, 1, 0), y: Int32Array.of(0), n: 1 }, 3, clean.fit, x.data.cleaning);
    expect(clipped).toBe(1);
    expect(examples.x[0]).toBeCloseTo(high, 3);
  });

  it('drops rows as the first file was told to, and leaves out rows the first file already has', async () => {
    const x = experiment({ missing: 'drop' });
    const dup = bytes(`size,colour,kind\n8,red,cat\n,red,cat\n20,blue,dog\n20,blue,dog\n`);
    const after = await prepareData(x, readPublicAsset, first, undefined, { appended: [{ name: 'more.csv', bytes: dup }] });
    expect(after.prep.appended![0]).toMatchObject({ added: 1, duplicates: 2, dropped: 1 });
  });

  it('refuses a file whose columns differ, saying which', async () => {
    const message = await refusal('size,weight,kind\n1,2,cat\n3,4,dog\n');
    expect(message).toContain('lacks "colour"');
    expect(message).toContain('has "weight"');
    expect(message).toContain('nothing was added');
  });

  it('refuses a class the first file has not, and a category it never had', async () => {
    expect(await refusal('size,colour,kind\n1,red,cat\n3,blue,bird\n')).toMatch(/class "bird".*one output per class/);
    expect(await refusal('size,colour,kind\n1,green,cat\n3,blue,dog\n')).toMatch(/"green".*never has; its values there are "blue", "red"/);
    expect(await refusal('size,colour,kind\n1,red,cat\nbig,blue,dog\n')).toMatch(/Column "size".*text \("big"\) in row 2/);
  });

  it('refuses a huge or hostile appended file with the caps the first file has', async () => {
    expect(await refusal(new Uint8Array(MAX_FILE_BYTES + 1))).toMatch(/more\.csv/);
    expect(await refusal(`size,colour,kind\n${'x'.repeat(500)},red,cat\n1,blue,dog\n`)).toMatch(/"x{20}…"/);
    expect(await refusal('size,colour,kind\n1,red\n')).toMatch(/has 2 values where the header has 3/);
  });
});
