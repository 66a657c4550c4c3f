/**
 * The CLI on hostile and large files: peak memory (max RSS, from /usr/bin/time) and wall time,
 * each file beside a small ordinary one in the same run. `npm run bench:hostile-files`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigCsv, pngBomb, zipBomb, zipWith } from '../test/fixtures/hostile-files';

const out = join('bench', 'out', 'hostile');
mkdirSync(out, { recursive: true });
const files: Array<[string, string, Uint8Array | string]> = [
  ['ordinary zip of 8 images', 'small.zip', zipWith({})],
  ['zip bomb (2.2 GB of zeros in 2 MB)', 'zip-bomb.zip', zipBomb()],
  ['PNG bomb (8000 × 8000 in 62 KB) beside 8 images', 'png-bomb.zip', zipWith({ 'set/a/huge.png': pngBomb() })],
  ['CSV, 1 000 rows', 'small.csv', bigCsv(1000, 10)],
  ['CSV, 200 000 rows × 10 columns', 'big.csv', bigCsv(200_000, 10)],
];
const timed = existsSync('/usr/bin/time');
if (!timed) console.log('(/usr/bin/time is missing: `apt-get install time` to measure peak memory)');
console.log('| file | size | exit | outcome | wall (s) | peak RSS (MB) |\n|---|---:|---:|---|---:|---:|');
for (const [title, name, data] of files) {
  const path = join(out, name);
  writeFileSync(path, data);
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  // Budget 1, one epoch, 250 examples: the file's reading dominates.
  const cli = [process.execPath, '--import', 'tsx', 'src/cli/search.ts', '--data-file', path, '--budget', '1', '--epochs', '1', '--json'];
  const started = performance.now();
  const run = spawnSync(timed ? '/usr/bin/time' : cli[0]!, timed ? ['-f', '%M', ...cli] : cli.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - started) / 1000;
  const lines = run.stderr.trim().split('\n');
  const rss = timed ? Number(lines.pop()) / 1024 : NaN;
  const outcome =
    run.status === 0
      ? `searched: ${(JSON.parse(run.stdout).config.data.file?.name as string) ?? ''}`
      : (lines.find((l) => l.startsWith('error')) ?? lines[0] ?? '').slice(0, 90);
  console.log(`| ${title} | ${(size / 2 ** 20).toFixed(2)} MB | ${run.status} | ${outcome} | ${wall.toFixed(1)} | ${rss.toFixed(0)} |`);
}
