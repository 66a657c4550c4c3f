import type { DownloadProgress } from '../contracts/data';
import { indexedDbCache } from '../data/byte-cache-browser';
import type { NetworkAccess } from '../data/image-sets';
import { FLUSH_EVERY_MS } from './batch';

/**
 * Image sets come from their public mirrors and are cached in IndexedDB; their progress goes to
 * whoever watches (the page's progress bar), at most every FLUSH_EVERY_MS but always at the end.
 */
export function createDownloads(): { net: NetworkAccess; watch(sink: (progress: DownloadProgress) => void): void } {
  let sink: ((progress: DownloadProgress) => void) | null = null;
  let lastReport = 0;
  const net: NetworkAccess = {
    fetch: (input, init) => fetch(input, init),
    cache: indexedDbCache(),
    progress: (p) => {
      const now = performance.now();
      if (p.loaded < p.total && now - lastReport < FLUSH_EVERY_MS) return;
      lastReport = now;
      sink?.(p);
    },
  };
  return { net, watch: (s) => (sink = s) };
}
