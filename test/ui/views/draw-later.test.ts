import { describe, expect, it } from 'vitest';
import { drawLater, inOwnTask } from '../../../src/ui/views/draw-later';

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
