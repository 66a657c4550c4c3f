import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../src/data/image-decode-node';
import { parseUserImages, resizeRgba } from '../../src/data/user-images';
import { classFolders, jpg, png, zip } from '../fixtures/images';

const read = (files: Record<string, Uint8Array | string>, name = 'mine.zip') => parseUserImages(zip(files), name, decodeImageNode);

describe('your own images: a zip of one folder per class', () => {
  it('reads class folders (inside one top folder), greyscale ink on white as high values, and skips files that are not images', async () => {
    const data = await read({ ...classFolders(), 'shapes/readme.txt': 'hello', 'shapes/a/.DS_Store': 'x' });
    expect(data.info.classNames).toEqual(['a', 'b']);
    expect(data.examples.n).toBe(12);
    expect(data.info.input).toEqual({ height: 12, width: 12, channels: 1 });
    expect(data.report).toMatchObject({ skipped: ['shapes/readme.txt'], unreadable: [], inverted: true });
    expect(data.info.source).toMatch(/1 file that is not an image skipped/);
    // Image 0 of class a: the dark square covers (0..5, 0..5): high after inversion; the corner far away is 0.
    expect(data.examples.x[0]).toBeCloseTo(1 - 20 / 255, 2);
    expect(data.examples.x[11 * 12 + 11]).toBeCloseTo(1 - 235 / 255, 2);
  });

  it('keeps colour when any image has it, and resizes to the median side by area averaging', async () => {
    const files = { ...classFolders(true), 'shapes/a/big.png': png(48, 3, true) };
    const data = await read(files);
    expect(data.info.input).toEqual({ height: 12, width: 12, channels: 3 });
    const flat = new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    // A 2 × 2 checkerboard averaged to one pixel is mid-grey.
    expect(resizeRgba(flat, 2, 2, 1, 3)[0]).toBeCloseTo(0.5, 6);
  });

  it('reads JPEG too', async () => {
    const data = await read({ 'x/light/1.jpg': jpg(8, 230), 'x/light/2.jpg': jpg(8, 220), 'x/dark/1.jpg': jpg(8, 30), 'x/dark/2.jpg': jpg(8, 40) });
    expect(data.info.classNames).toEqual(['dark', 'light']);
    expect(data.examples.n).toBe(4);
  });

  it.each([
    ['a zip with no images', { 'a/notes.txt': 'x', 'b/data.csv': '1,2' }, /holds no images \(it has "a\/notes\.txt", "b\/data\.csv"\)/],
    ['images outside class folders', { 'one.png': png(8, 0), 'two.png': png(8, 1) }, /"one\.png" .* is not inside a class folder/],
    ['one class only', { 'a/1.png': png(8, 0), 'a/2.png': png(8, 1) }, /one class only \("a"\)/],
    ['a class of one image', { 'a/1.png': png(8, 0), 'a/2.png': png(8, 1), 'b/1.png': png(8, 2) }, /"b" .* has a single image/],
    ['images that cannot be decoded', { 'a/1.png': 'not a png', 'b/1.png': 'nor this' }, /None of the 2 images .* could be read/],
  ])('refuses %s with a message that says what to do', async (_name, files, message) => {
    await expect(read(files as Record<string, Uint8Array | string>)).rejects.toThrow(message);
  });

  it('refuses a file that is not a zip, and a damaged zip', async () => {
    await expect(parseUserImages(new TextEncoder().encode('a,b\n1,2'), 'x.zip', decodeImageNode)).rejects.toThrow(/is not a zip archive/);
    const broken = zip(classFolders()).slice(0, 200);
    await expect(parseUserImages(broken, 'cut.zip', decodeImageNode)).rejects.toThrow(/could not be unpacked/);
  });

  it('skips an unreadable image among good ones and says so', async () => {
    const data = await read({ ...classFolders(), 'shapes/b/broken.png': 'garbage' });
    expect(data.report.unreadable).toEqual(['shapes/b/broken.png']);
    expect(data.info.source).toMatch(/1 unreadable image skipped/);
  });
});
