import { describe, expect, it } from 'vitest';
import { drawInSlices, drawLater, inOwnTask } from '../../../src/ui/views/draw-later';

/** Resolves after the tasks queued so far (a timer runs after MessageChannel tasks queued before it). */
const nextTasks = () => new Promise<void>((done) => setTimeout(done, 5));

describe('a chart drawn in a task of its own', () => {
  it('draws after the current task, once, with the latest data', async () => {
    const drawn: number[] = [];
    const draw = drawLater((n: number) => drawn.push(n));
    draw(1);
    draw(2);
    draw(3);
    expect(drawn).toEqual([]);
    await nextTasks();
    expect(drawn).toEqual([3]);
    draw(4);
    await nextTasks();
    expect(drawn).toEqual([3, 4]);
  });

  it('draws what is pending on flush, and nothing once cancelled', async () => {
    const drawn: string[] = [];
    const draw = drawLater((s: string) => drawn.push(s));
    draw('a');
    draw.flush();
    expect(drawn).toEqual(['a']);
    draw('b');
    draw.cancel();
    await nextTasks();
    expect(drawn).toEqual(['a']);
  });

  it('runs queued jobs in order, each after the code that queued it', async () => {
    const seen: string[] = [];
    inOwnTask(() => seen.push('first'));
    inOwnTask(() => seen.push('second'));
    seen.push('now');
    await nextTasks();
    expect(seen).toEqual(['now', 'first', 'second']);
  });
});

describe("a chart's marks drawn a slice a task", () => {
  it('draws the first slice at once and each next one in a task of its own, covering every mark once', async () => {
    const slices: Array<[number, number]> = [];
    const sliced = drawInSlices(4);
    sliced(10, (from, to) => slices.push([from, to]));
    expect(slices).toEqual([[0, 4]]);
    await nextTasks();
    expect(slices).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
  });

  it('drops the slices still to come of a drawing that a newer one replaced, and all of them once cancelled', async () => {
    const drawn: string[] = [];
    const sliced = drawInSlices(2);
    sliced(6, (from, to) => drawn.push(`old ${from}-${to}`));
    sliced(3, (from, to) => drawn.push(`new ${from}-${to}`));
    await nextTasks();
    expect(drawn).toEqual(['old 0-2', 'new 0-2', 'new 2-3']);
    sliced(6, (from, to) => drawn.push(`last ${from}-${to}`));
    sliced.cancel();
    await nextTasks();
    expect(drawn).toEqual(['old 0-2', 'new 0-2', 'new 2-3', 'last 0-2']);
  });
});
