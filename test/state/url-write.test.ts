import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the address bar follows the share link', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('at most once a second while the link keeps changing, and always ends on the last link', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const writes: string[] = [];
    const location = { hash: '' };
    vi.stubGlobal('window', { location });
    vi.stubGlobal('history', {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        writes.push(url);
        location.hash = url;
      },
    });
    const { writeLinkToLocation, flushLinkToLocation } = await import('../../src/state/url');
    writeLinkToLocation('#a');
    expect(writes).toEqual(['#a']);
    // A run's digest changes with every batch: 50 links in half a second.
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(10);
      writeLinkToLocation(`#b${i}`);
    }
    expect(writes).toEqual(['#a']);
    vi.advanceTimersByTime(600);
    expect(writes).toEqual(['#a', '#b49']);
    // The same link again writes nothing; a new one after a quiet second is written at once.
    vi.advanceTimersByTime(2000);
    writeLinkToLocation('#b49');
    writeLinkToLocation('#c');
    expect(writes).toEqual(['#a', '#b49', '#c']);
    writeLinkToLocation('#d');
    flushLinkToLocation();
    expect(writes).toEqual(['#a', '#b49', '#c', '#d']);
    vi.advanceTimersByTime(2000);
    expect(writes).toHaveLength(4);
  });
});
