import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/digest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { decodeImageNode } from '../../src/data/image-decode-node';
import { prepareData } from '../../src/data/load';
import { readPublicAsset } from '../../src/data/node-assets';
import { classFolders, png, zip } from '../fixtures/images';

const FIRST = zip(classFolders());
const first = { name: 'shapes.zip', bytes: FIRST, decode: decodeImageNode };
const x = parseExperiment({ dataset: 'own', data: { file: { name: 'shapes.zip', hash: contentHash(FIRST) } } });
const appended = (files: Record<string, Uint8Array>) => ({ name: 'more.zip', bytes: zip(files), decode: decodeImageNode });

describe('images appended to a running experiment', () => {
  it("reads a new zip at the first zip's side, channels and inversion, into the training split only, even with one class", async () => {
    const before = await prepareData(x, readPublicAsset, first);
    // 24 × 24 in colour, one class: alone it would be read at 24 × 24, in colour, and refused for its single class.
    const more = appended({ 'more/b/1.png': png(24, 0, true), 'more/b/2.png': png(24, 2, true) });
    const after = await prepareData(x, readPublicAsset, first, undefined, { appended: [more] });
    expect(after.input).toEqual(before.input);
    expect(after.val).toEqual(before.val);
    expect(after.test).toEqual(before.test);
    expect(after.train.n).toBe(before.train.n + 2);
    expect(Array.from(after.train.y.slice(before.train.n))).toEqual([1, 1]);
    // Inverted as the first zip was: the dark square is high, the light background low.
    const size = 12 * 12;
    const added = after.train.x.subarray(before.train.n * size, (before.train.n + 1) * size);
    expect(added[0]).toBeGreaterThan(0.5);
    expect(added[size - 1]).toBeLessThan(0.2);
    expect(after.prep.appended).toMatchObject([{ name: 'more.zip', unit: 'images', added: 2, version: 1 }]);
  });

  it('refuses a class folder the first zip has not, and a CSV appended to images', async () => {
    const refused = async (file: { name: string; bytes: Uint8Array; decode?: typeof decodeImageNode }) => {
      const e = await prepareData(x, readPublicAsset, first, undefined, { appended: [file] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(e).toBeInstanceOf(PlaygroundError);
      return (e as PlaygroundError).describe();
    };
    expect(await refused(appended({ 'more/c/1.png': png(12, 0), 'more/a/1.png': png(12, 1) }))).toMatch(/class folder "c" that the first zip has not/);
    expect(await refused({ name: 'rows.csv', bytes: new TextEncoder().encode('a,b\n1,x\n2,y\n') })).toMatch(
      /rows\.csv is not a zip, and the search runs on images/,
    );
  });
});
