import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { lessonHash, presentingIn, readLessonFromLocation, readSharedFromLocation, withPresenting } from '../../src/state/url';

const at = (hash: string) => `http://127.0.0.1:5173/${hash}`;

describe('the address bar: share links and lesson links', () => {
  it('reads a lesson link as a lesson, not as a broken share link', () => {
    expect(readLessonFromLocation(at(lessonHash('darts')))).toBe('darts');
    expect(readSharedFromLocation(at('#lesson=darts'))).toEqual({ kind: 'lesson', id: 'darts' });
    // An unknown or odd name is still a lesson link; the guide says it names no lesson.
    expect(readSharedFromLocation(at('#lesson=%E2%9C%93%20x'))).toEqual({ kind: 'lesson', id: '✓ x' });
    expect(readSharedFromLocation(at('#lesson=%E2'))).toEqual({ kind: 'lesson', id: '%E2' });
  });

  it('leaves share links and empty addresses as they were', () => {
    const link = encodeLink(parseExperiment({ strategy: 'random', budget: 7 }));
    const shared = readSharedFromLocation(at(link));
    expect(shared.kind === 'link' && shared.shared.experiment.budget).toBe(7);
    expect(readLessonFromLocation(at(link))).toBeNull();
    expect(readSharedFromLocation(at(''))).toEqual({ kind: 'none' });
    expect(readSharedFromLocation(at('#garbage')).kind).toBe('broken');
  });
});

describe('presentation mode in the address', () => {
  it('is read from the query and written there, leaving the share link in the hash alone', () => {
    const link = 'http://127.0.0.1:5173/?lang=en#v=3&x=abc&c=0123abcd';
    expect(presentingIn(link)).toBe(false);
    const on = withPresenting(link, true);
    expect(presentingIn(on)).toBe(true);
    expect(new URL(on).hash).toBe('#v=3&x=abc&c=0123abcd');
    expect(new URL(on).searchParams.get('lang')).toBe('en');
    expect(withPresenting(on, false)).toBe(link);
    expect(presentingIn('http://h/?present=0#v=3')).toBe(false);
  });
});
