/**
 * Where the page's main thread spends its time while a run goes: a CPU profile of the built page
 * (Chrome DevTools Protocol) during one experiment, summed by function (self time), top 25.
 * A profiling helper for bench:responsiveness's long tasks.
 *
 *   node --import tsx bench/profile-page.ts '<share link hash>'
 */
import { build } from 'vite';
import { launchBrowser, startPreview } from '../test/e2e/browser';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const hash = process.argv[2] ?? '';
// Not minified, so the profile names the functions (the e2e and other benches build the shipped page again).
await build({ logLevel: 'warn', build: { minify: false } });
const server = await startPreview();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${server.url}${hash}`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=backend]')?.textContent ?? '…').trim() !== '…', null, { timeout: 120_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.click('[data-testid=start]');
  await page.waitForFunction(
    () => ['done', 'stopped', 'error'].includes(document.querySelector('[data-testid=status]')?.getAttribute('data-status') ?? ''),
    null,
    {
      timeout: 600_000,
    },
  );
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const top = [...byName].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]);
  for (const [k, us] of top.slice(0, 25)) console.log(`${(us / 1000).toFixed(0).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
