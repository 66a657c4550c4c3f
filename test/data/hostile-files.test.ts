import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/digest';
import { PlaygroundError } from '../../src/core/errors';
import { parseExperiment } from '../../src/core/experiment';
import { decodeImageNode } from '../../src/data/image-decode-node';
import { imageSize } from '../../src/data/image-header';
import { prepareData } from '../../src/data/load';
import { parseUserCsv } from '../../src/data/user-csv';
import { parseUserImages } from '../../src/data/user-images';
import { bigCsv, pngBomb, utf16, zipBomb, zipClaimingHugeEntry, zipWith } from '../fixtures/hostile-files';
import { jpg, png, zip } from '../fixtures/images';

const text = (s: string) => new TextEncoder().encode(s);

/** The refusal a call ends in: a PlaygroundError with a message and advice, short, and no stack trace in what the person sees. */
async function refusal(run: () => unknown): Promise<string> {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  expect(error, 'the input was accepted').toBeInstanceOf(PlaygroundError);
  const shown = (error as PlaygroundError).describe();
  expect((error as PlaygroundError).hint.length).toBeGreaterThan(5);
  expect(shown).not.toMatch(/\n\s+at /);
  expect(shown.length).toBeLessThan(600);
  return shown;
}

const images = (bytes: Uint8Array) => parseUserImages(bytes, 'mine.zip', decodeImageNode);

describe('hostile and unusual files', () => {
  describe('tables', () => {
    it('loads a 200 000-row CSV (no call-stack overflow when removing duplicates, splitting or min-max scaling)', async () => {
      const bytes = text(bigCsv(200_000, 6));
      const raw = parseUserCsv(bytes, { name: 'big.csv' });
      expect(raw.examples.n).toBe(200_000);
      const x = parseExperiment({
        dataset: 'own',
        data: { file: { name: 'big.csv', hash: contentHash(bytes), label: 'label' }, cleaning: { scale: 'minmax' } },
      });
      const data = await prepareData(x, async () => new Uint8Array(), { name: 'big.csv', bytes });
      expect(data.train.n + data.val.n + data.test.n).toBe(200_000);
      let [lo, hi] = [Infinity, -Infinity];
      for (const v of data.train.x) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      expect([lo, hi]).toEqual([0, 1]);
    });

    it('reads a very wide CSV in time linear in its cells', () => {
      const columns = 100_000;
      const header = [...Array.from({ length: columns }, (_, i) => `c${i}`), 'y'].join(',');
      const row = (r: number) => [...Array.from({ length: columns }, (_, i) => (i * r) % 7), r % 2].join(',');
      const raw = parseUserCsv(text([header, row(1), row(2), row(3), row(4)].join('\n')), { name: 'wide.csv' });
      expect(raw.info.input.channels).toBeGreaterThan(columns / 2);
    });

    it('refuses a label with thousands of classes before the slow work, naming the column', async () => {
      const message = await refusal(() => parseUserCsv(text(bigCsv(5000, 3, 5000)), { name: 'ids.csv' }));
      expect(message).toMatch(/"label" .* more than 100 distinct values/);
    });

    it('reads UTF-16 (with or without a byte-order mark), Windows-1252 and mixed line endings as the same table', () => {
      const table = 'size,weight,kind\r\n1.5,60,cat\n1.7,70,dog\r1.6,65,cat\r\n1.8,80,dog\n';
      const reference = parseUserCsv(text(table.replace(/\r\n?/g, '\n')));
      for (const bytes of [utf16(table, true, true), utf16(table, false, true), utf16(table, true, false), text(table)]) {
        const read = parseUserCsv(bytes);
        expect(read.examples).toEqual(reference.examples);
        expect(read.info.columns).toEqual(reference.info.columns);
      }
      const latin = new Uint8Array([...text('café,x,y\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n'.replace('é', '\u0000'))].map((b) => (b === 0 ? 0xe9 : b)));
      expect(parseUserCsv(latin).info.source).toMatch(/WINDOWS-1252/);
    });

    it('reads semicolon- and tab-separated files (as spreadsheets in many languages save them)', () => {
      for (const sep of [';', '\t']) {
        const read = parseUserCsv(
          text(
            ['a', 'b', 'y'].join(sep) +
              '\n' +
              ['1,5', '2', 'x', '3', '4', 'z', '5', '6', 'x', '7', '8', 'z'].map((v, i) => v + ((i + 1) % 3 ? sep : '\n')).join(''),
          ),
        );
        expect(read.info.columns).toEqual(['a', 'b']);
      }
    });

    it('refuses random bytes with a message, not a crash', async () => {
      const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
      await refusal(() => parseUserCsv(noise, { name: 'noise.csv' }));
    });

    it('keeps markup and control characters in column names as data, and clips them in messages', async () => {
      const hostile = `<img src=x onerror=alert(1)>,\u001b[2J${'x'.repeat(5000)},y\n1,2,a\n3,4,b\n5,6,a\n7,8,b\n`;
      const read = parseUserCsv(text(hostile));
      expect(read.info.columns![0]).toBe('<img src=x onerror=alert(1)>');
      expect(await refusal(() => parseUserCsv(text(hostile), { label: 'z'.repeat(10_000) }))).toMatch(/no column "z+…"/);
    });

    it('prices feature engineering before doing it: 4.5 million polynomial columns or 1 000 principal components are refused with the estimate', async () => {
      const wide = text(bigCsv(20, 3000));
      const wideX = parseExperiment({
        dataset: 'own',
        data: { file: { name: 'w.csv', hash: contentHash(wide), label: 'label' }, features: { construct: 'polynomial' } },
      });
      expect(await refusal(() => prepareData(wideX, async () => new Uint8Array(), { name: 'w.csv', bytes: wide }))).toMatch(
        /Polynomial features of 3000 columns make 4\.5 million columns/,
      );
      const pca = parseExperiment({ dataset: 'breast_cancer', data: { features: { construct: 'polynomial', pca: 1000 } } });
      const { readPublicAsset } = await import('../../src/data/node-assets');
      const started = performance.now();
      const message = await refusal(() => prepareData(pca, readPublicAsset));
      expect(message).toMatch(/billion arithmetic steps .* Ask for at most \d+ principal components/);
      expect(performance.now() - started).toBeLessThan(5000);
    });
  });

  describe('zips of images', () => {
    it('refuses a zip bomb from its directory, before inflating it', async () => {
      expect(await refusal(() => images(zipBomb()))).toMatch(/unpack to 2200 MB, more than the 256 MB read here .*nothing was unpacked/);
      expect(await refusal(() => images(zipClaimingHugeEntry()))).toMatch(/unpack to 4096 MB, more than the 256 MB/);
    });

    it('skips an image whose header claims 64 million pixels without decoding it, and counts it', async () => {
      const bomb = pngBomb();
      expect(bomb.length).toBeLessThan(100_000);
      expect(imageSize(bomb)).toEqual({ width: 8000, height: 8000 });
      const data = await images(zipWith({ 'set/a/huge.png': bomb }));
      expect(data.examples.n).toBe(8);
      expect(data.report.tooLarge).toEqual(['set/a/huge.png']);
      expect(data.info.source).toMatch(/1 image over 24 million pixels skipped/);
      expect(await refusal(() => images(zip({ 'a/1.png': bomb, 'b/1.png': bomb })))).toMatch(/Every image .* larger than 24 million pixels/);
    });

    it('reads zips made on Windows (backslash paths) like any other', async () => {
      const data = await images(zipWith({}, true));
      expect(data.info.classNames).toEqual(['a', 'b']);
      expect(data.examples.n).toBe(8);
    });

    it('counts what it left out: files that are not images, images outside class folders, images that cannot be decoded', async () => {
      const data = await images(
        zipWith({ 'set/readme.txt': text('hi'), 'set/cover.png': png(12, 0), 'set/a/broken.png': text('not a png'), 'set/b/photo.jpg': jpg(12, 40) }),
      );
      expect(data.examples.n).toBe(9);
      expect(data.report.skipped).toEqual(['set/readme.txt', 'set/cover.png']);
      expect(data.report.unreadable).toEqual(['set/a/broken.png']);
      expect(data.info.source).toMatch(/1 file that is not an image skipped; 1 image outside the class folders skipped; 1 unreadable image skipped/);
    });

    it('refuses a truncated zip with what to do', async () => {
      const whole = zipWith({});
      expect(await refusal(() => images(whole.slice(0, whole.length - 30)))).toMatch(/could not be unpacked|holds no images/);
    });
  });
});
