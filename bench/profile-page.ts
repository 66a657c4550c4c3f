/**
 * Where the page's main thread spends its time while a run goes: a CPU profile of the built page
 * (Chrome DevTools Protocol) during one experiment, summed by function (self time), top 25; and,
 * from a trace of the same run, every main-thread task over 50 ms with what filled it (script,
 * style, layout, paint, garbage collection) and the functions sampled inside it.
 * A profiling helper for bench:responsiveness's long tasks.
 *
 *   node --import tsx bench/profile-page.ts '<share link hash>' [compare]
 *
 * With `compare`, it runs the comparison panel (10 seeds) instead of Start, as bench:responsiveness does.
 * It watches two seconds past the end. SAMPLE_US sets the sampling interval (200 µs; sampling that
 * often makes d3 and Svelte code several times slower, so 1000 is closer to the real durations),
 * TOP how many functions each long task lists.
 */
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchBrowser, startPreview } from '../test/e2e/browser';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}
const hash = process.argv[2] ?? '';
const compare = process.argv[3] === 'compare';
const LONG_US = 50_000;

async function act(page: Page): Promise<void> {
  if (compare) {
    await page.fill('[data-testid=compare-seeds]', '10');
    await page.press('[data-testid=compare-seeds]', 'Tab');
    await page.click('[data-testid=compare-start]');
    await page.waitForFunction(() => /(\d+) of \1 searches done/.test(document.querySelector('[data-testid=compare-progress]')?.textContent ?? ''), null, {
      timeout: 600_000,
    });
    return;
  }
  await page.click('[data-testid=start]');
  await page.waitForFunction(
    () => ['done', 'stopped', 'error'].includes(document.querySelector('[data-testid=status]')?.getAttribute('data-status') ?? ''),
    null,
    { timeout: 600_000 },
  );
}

const keyOf = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, k);

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
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.SAMPLE_US ?? 200) });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
  await cdp.send('Profiler.start');
  await act(page);
  // The end-of-run flush and the tasks it queues come after the status says done.
  await page.waitForTimeout(2000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };
  };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) byName.set(keyOf(n), (byName.get(keyOf(n)) ?? 0) + (self.get(n.id) ?? 0));
  console.log('\nthe whole run, self time by function:');
  for (const [k, us] of top(byName, 25)) console.log(`${(us / 1000).toFixed(0).padStart(8)} ms  ${k}`);

  // The renderer's main thread: the one named CrRendererMain that ran the longest tasks.
  const events = trace.traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.dur !== undefined);
  const long = onMain.filter((e) => e.name === 'RunTask' && e.dur! > LONG_US).sort((a, b) => a.ts - b.ts);
  // Sample times on the trace's clock (both are the monotonic clock, in microseconds).
  let t = profile.startTime;
  const sampleTimes = profile.timeDeltas.map((d) => (t += d));
  console.log(`\n${long.length} main-thread tasks over 50 ms`);
  for (const task of long) {
    const end = task.ts + task.dur!;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    const kinds = new Map<string, number>();
    for (const e of inside) kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur!);
    const fns = new Map<string, number>();
    // Inclusive time per function within the task: each sample counts once for every frame on its stack.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((id, i) => {
      if (sampleTimes[i]! < task.ts || sampleTimes[i]! > end) return;
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const k = keyOf(byId.get(at)!);
        if (seen.has(k)) continue;
        seen.add(k);
        fns.set(k, (fns.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
      }
    });
    console.log(`\n— task at ${((task.ts - long[0]!.ts) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms long; inside it (inclusive):`);
    console.log(
      '  ' +
        top(kinds, 8)
          .map(([k, us]) => `${k} ${(us / 1000).toFixed(0)}`)
          .join(' · '),
    );
    // How much of the page each long layout redid: a few objects dirty in a big page, or most of it.
    const layouts = inside.filter((e) => e.name === 'Layout' && e.dur! > 10_000 && e.args?.beginData);
    for (const e of layouts)
      console.log(`  layout ${(e.dur! / 1000).toFixed(0)} ms: ${e.args!.beginData!.dirtyObjects} of ${e.args!.beginData!.totalObjects} objects dirty`);
    for (const [k, us] of top(fns, Number(process.env.TOP ?? 18)).filter(([k]) => !k.startsWith('(root)')))
      console.log(`${(us / 1000).toFixed(0).padStart(8)} ms  ${k}`);
  }
} finally {
  await browser.close();
  await server.close();
}
