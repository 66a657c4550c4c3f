import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/core/lessons/index';
import { seriousViolations } from './axe';
import { usePageEnvironment } from './environment';
import { openPlayground, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

/** Each lesson's run time in the page, printed at the end for the closing note (never asserted: tests do not time things). */
const times: Array<{ id: string; seconds: number; trials: number; backend: string }> = [];

describe('Learn mode', () => {
  it('lists every lesson from the Learn button, each with its own link', async () => {
    const { page, errors } = await openPlayground(env.browser, env.url);
    expect(await seriousViolations(page), 'at rest, with the Learn button').toEqual([]);
    await page.click('[data-testid=learn]');
    expect(await page.locator('[data-testid=lesson-item]').count()).toBe(LESSONS.length);
    expect(await seriousViolations(page), 'the list').toEqual([]);
    expect(await page.$$eval('[data-testid=lesson-item]', (items) => items.map((i) => i.getAttribute('data-lesson')))).toEqual(LESSONS.map((l) => l.id));
    await page.locator('[data-testid=lesson-item]').nth(2).click();
    expect(await page.textContent('[data-testid=lesson-title]')).toBe(LESSONS[2]!.title);
    // The button that opened it is gone; focus moves to the lesson's title.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('lesson-title');
    expect(await page.getAttribute('[data-testid=lesson-link]', 'href')).toMatch(new RegExp(`#lesson=${LESSONS[2]!.id}$`));
    expect(await seriousViolations(page), 'a lesson').toEqual([]);
    await page.screenshot({ path: 'test-results/lesson.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when a lesson link names no lesson, and lists the lessons', async () => {
    const { page, errors } = await openPlayground(env.browser, `${env.url}#lesson=no-such-lesson`);
    const problem = await page.textContent('[data-testid=lesson-problem]');
    expect(problem).toMatch(/no lesson "no-such-lesson"/);
    for (const { id } of LESSONS) expect(problem).toContain(id);
    expect(await page.locator('[data-testid=lesson-item]').count()).toBe(LESSONS.length);
    // The page still works: the default experiment can start.
    expect(await page.isEnabled('[data-testid=start]')).toBe(true);
    // A lesson link pasted into the same tab changes only the hash, and opens that lesson.
    await page.evaluate(() => (window.location.hash = '#lesson=darts'));
    await expect.poll(() => page.textContent('[data-testid=lesson-title]')).toBe(LESSONS.find((l) => l.id === 'darts')!.title);
    expect(await page.locator('[data-testid=lesson-problem]').count()).toBe(0);
    expect(await page.inputValue('[data-testid=strategy]')).toBe('darts');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: opened from its link, runs to its reveal', async (id, lesson) => {
    const { page, errors } = await openPlayground(env.browser, `${env.url}#lesson=${id}`);
    expect(await page.textContent('[data-testid=lesson-title]')).toBe(lesson.title);
    // The student answers first.
    await page.locator('[data-testid=lesson-option]').first().check();
    const started = Date.now();
    await page.click('[data-testid=lesson-run]');
    if (id === 'cheaper-evaluation') {
      // While it runs, no lesson can be opened over it: the list says so and its lessons are disabled.
      await page.click('[data-testid=learn]');
      expect(await page.isDisabled('[data-testid=lesson-item] >> nth=0')).toBe(true);
      expect(await page.textContent('[data-testid=lesson-busy]')).toMatch(/search is running/);
      await page.click('[data-testid=learn]');
    }
    expect(await waitForRunEnd(page)).toBe('done');
    await page.waitForSelector('[data-testid=lesson-reveal]');
    const seconds = (Date.now() - started) / 1000;
    const answer = Number(await page.getAttribute('[data-testid=lesson-reveal]', 'data-answer'));
    expect(lesson.question.options[answer]).toBeDefined();
    const reveal = (await page.textContent('[data-testid=lesson-reveal]'))!;
    expect(reveal).toContain(`Answer: ${lesson.question.options[answer]}.`);
    expect(reveal).toMatch(answer === 0 ? /You were right/ : /You guessed/);
    if (id === 'evolution') await page.screenshot({ path: 'test-results/lesson-reveal.png' });
    const trials = await page.locator('[data-testid=trial-row]').count();
    times.push({ id, seconds, trials, backend: (await page.textContent('[data-testid=backend]'))!.trim() });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ran every lesson (times below, for the closing note)', () => {
    console.log(
      [
        '| lesson | trials | seconds in the page | backend |',
        '|---|---:|---:|---|',
        ...times.map((t) => `| ${t.id} | ${t.trials} | ${t.seconds.toFixed(1)} | ${t.backend} |`),
      ].join('\n'),
    );
    expect(times.map((t) => t.id)).toEqual(LESSONS.map((l) => l.id));
  });
});
