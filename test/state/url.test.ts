import { describe, expect, it } from 'vitest';
import { presentingIn, withPresenting } from '../../src/state/url';

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
