import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExperiment } from '../../src/core/experiment';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, LINK_VERSION } from '../../src/core/link';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FLAGS = ['--dataset', 'spiral', '--strategy', 'evolution', '--budget', '4', '--epochs', '2', '--seed', '9', '--backend', 'wasm'];

describe('command line', () => {
  it('prints the same trials for the same flags, as one JSON object', () => {
    const a = cli([...FLAGS, '--json']);
    const b = cli([...FLAGS, '--json']);
    expect(a.code, a.stderr).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    expect(ja.trials).toHaveLength(4);
    expect(ja.trials.map((t: { encoded: string; accuracy: number }) => [t.encoded, t.accuracy])).toEqual(
      jb.trials.map((t: { encoded: string; accuracy: number }) => [t.encoded, t.accuracy]),
    );
    expect(Object.keys(ja).sort()).toEqual(['best', 'config', 'digest', 'link', 'trials']);
    expect(Object.keys(ja.trials[0]).sort()).toEqual(['accuracy', 'encoded', 'flops', 'genotype', 'index', 'params', 'seconds', 'testAccuracy']);
    const best = Math.max(...ja.trials.map((t: { accuracy: number }) => t.accuracy));
    expect(ja.best.accuracy).toBe(best);
    // The returned architecture on the held-out test split, which the search never saw.
    expect(ja.config.data.testFraction).toBeGreaterThan(0);
    expect(ja.best.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(ja.best.testAccuracy).toBeLessThanOrEqual(1);
    expect(decodeLink(ja.link).experiment).toEqual(ja.config);
  });

  it('runs a weight-sharing strategy headless and reports the derived genotype as best', () => {
    const run = cli(['--space', 'nb201', '--strategy', 'darts', '--epochs', '1', '--order', '2', '--retrain', '--retrain-epochs', '1', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const j = JSON.parse(run.stdout);
    expect(j.config.strategySettings.oneShot).toMatchObject({ epochs: 1, order: 2, retrain: true });
    expect(j.config.training.epochs).toBe(1);
    // One supernet epoch gives one derived genotype; the retrained copy of it is what the search returns.
    expect(j.trials).toHaveLength(2);
    expect(j.trials[1].encoded).toBe(j.trials[0].encoded);
    expect(j.best.index).toBe(1);
    expect(j.best.testAccuracy).toBeGreaterThan(0);
    expect(decodeLink(j.link).experiment).toEqual(j.config);
    const refused = cli(['--space', 'chain', '--strategy', 'spos']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/supernet.*cell and nb201/);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('runs a share link, and flags override it', () => {
    const first = JSON.parse(cli([...FLAGS, '--json']).stdout);
    const again = JSON.parse(cli(['--link', `http://localhost:5173/${first.link}`, '--json']).stdout);
    expect(again.trials.map((t: { encoded: string }) => t.encoded)).toEqual(first.trials.map((t: { encoded: string }) => t.encoded));
    const shorter = JSON.parse(cli(['--link', first.link, '--budget', '2', '--json']).stdout);
    expect(shorter.trials).toHaveLength(2);
  });

  it('prints a readable table without --json', () => {
    const out = cli([...FLAGS]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/accuracy\s+params\s+FLOPs/);
    expect(out.stdout).toMatch(new RegExp(`share link: #v=${LINK_VERSION}&x=`));
  });

  it.each([
    [['--budget', 'many'], /--budget must be a whole number/],
    [['--space', 'transformer'], /--space must be one of/],
    [['--frobnicate'], /Unknown option/],
    [['--link', '#v=1&x=garbage!'], /share link cannot be read/],
    [['--link', '#v=99&x=abc'], /newer NAS Playground/],
    [['--dataset', 'spiral', '--space', 'nb201', '--budget', '1'], /cannot run on/],
  ])('refuses %j with exit code 2 and a message, not a stack trace', (args, message) => {
    const out = cli(args as string[]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('command line under hostile input', () => {
  it('never writes control characters from a file or a link to the terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-cli-'));
    const csv = join(dir, 'evil.csv');
    writeFileSync(csv, '\u001b]0;pwned\u0007a,\u001b[2Jb,y\n1,2,x\n3,4,z\n5,6,x\n7,8,z\n');
    const wrongLabel = cli(['--data-file', csv, '--label', 'nope\u001b[31m']);
    expect(wrongLabel.code).toBe(2);
    expect(wrongLabel.stderr).toMatch(/no column "nope\[31m"\. Its columns are: \]0;pwneda, \[2Jb, y/);
    const link = encodeLink(parseExperiment({ dataset: 'own', data: { file: { name: 'x\u001b[2J\u202e.csv', hash: '0123abcd' } } }));
    const fromLink = cli(['--link', link]);
    expect(fromLink.code).toBe(2);
    // eslint-disable-next-line no-control-regex
    for (const text of [wrongLabel.stderr, fromLink.stderr]) expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('writes a long result to a pipe whole (no cut at 64 KB when the process exits)', () => {
    const run = cli(['--dataset', 'cifar10', '--evaluator', 'nb201', '--space', 'nb201', '--strategy', 'random', '--budget', '3000', '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(run.stdout).trials).toHaveLength(3000);
  });

  it('tells a newer link apart from a damaged one, with advice for a terminal too', () => {
    const newer = cli(['--link', '#v=99&x=abc']);
    expect(newer.stderr).toMatch(/update the command-line tool/);
  });
});

describe('command line on WebGPU', () => {
  it('trains in Node on WebGPU through the SwiftShader Vulkan driver that Chromium ships', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/search.ts', '--backend', 'webgpu', '--dataset', 'spiral', '--budget', '1', '--epochs', '1', '--json'],
      {
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.digest.backend).toBe('webgpu');
    expect(out.trials[0].accuracy).toBeGreaterThan(0);
  });
});

describe('command line with your own file', () => {
  it('searches a CSV given with --data-file, and refuses a bad one with exit code 2', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'nas-csv-'));
    const rows = Array.from({ length: 60 }, (_, i) => `${(i % 3) + Math.sin(i)},${i % 2},${['a', 'b', 'c'][i % 3]}`);
    writeFileSync(join(dir, 'good.csv'), `x,z,kind\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'bad.csv'), 'x,kind\n1,a\n2\n');
    const good = cli(['--data-file', join(dir, 'good.csv'), '--budget', '1', '--epochs', '2', '--json']);
    expect(good.code, good.stderr).toBe(0);
    const out = JSON.parse(good.stdout);
    expect(out.config.dataset).toBe('own');
    expect(out.config.data.file.name).toBe('good.csv');
    expect(out.config.data.file.hash).toMatch(/^[0-9a-f]{8}$/);
    const bad = cli(['--data-file', join(dir, 'bad.csv'), '--budget', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Row 3 of bad\.csv has 1 values/);
    const missing = cli(['--data-file', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    // A link to an own-file experiment, run without the file, says the file must be supplied again.
    const again = cli(['--link', out.link, '--budget', '1']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/which a link cannot carry/);
  });

  it('searches a zip of class folders of images given with --data-file, and refuses a zip without images', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { classFolders, zip } = await import('../fixtures/images');
    const dir = mkdtempSync(join(tmpdir(), 'nas-zip-'));
    writeFileSync(join(dir, 'shapes.zip'), zip(classFolders()));
    writeFileSync(join(dir, 'text.zip'), zip({ 'a/notes.txt': 'hello', 'b/more.txt': 'there' }));
    const good = cli(['--data-file', join(dir, 'shapes.zip'), '--space', 'chain', '--budget', '1', '--epochs', '1', '--json']);
    expect(good.code, good.stderr).toBe(0);
    const out = JSON.parse(good.stdout);
    expect(out.config.data.file.name).toBe('shapes.zip');
    expect(out.trials).toHaveLength(1);
    const bad = cli(['--data-file', join(dir, 'text.zip'), '--budget', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/text\.zip holds no images/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    const labelled = cli(['--data-file', join(dir, 'shapes.zip'), '--label', 'x']);
    expect(labelled.code).toBe(2);
    expect(labelled.stderr).toMatch(/takes its classes from its folders/);
  });

  it('--backend auto times the experiment’s network on wasm and cpu and trains on the faster', () => {
    const r = cli(['--dataset', 'spiral', '--budget', '1', '--epochs', '1', '--backend', 'auto', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const line = /backend: (\w+) — measured on this machine for this experiment's network: (.*)/.exec(r.stderr);
    expect(line, r.stderr).not.toBeNull();
    const timings = [...line![2]!.matchAll(/(WASM|CPU) (?:([\d.]+) ms a step|not timed)/g)].map((m) => ({
      name: m[1]!.toLowerCase(),
      ms: m[2] ? Number(m[2]) : Infinity,
    }));
    expect(timings.map((t) => t.name).sort()).toEqual(['cpu', 'wasm']);
    // The faster of the two as printed (one may be left untimed, far slower on a small step).
    const best = timings.reduce((a, b) => (b.ms < a.ms ? b : a));
    expect(best.ms).toBeLessThan(Infinity);
    expect(line![1]).toBe(best.name);
    expect(JSON.parse(r.stdout).trials).toHaveLength(1);
  }, 120_000);

  it('runs the names scripts use: --space hierarchical with evolution, and --strategy grid', () => {
    for (const flags of [
      ['--space', 'hierarchical', '--strategy', 'evolution'],
      ['--strategy', 'grid'],
    ]) {
      const r = cli(['--dataset', 'digits', ...flags, '--budget', '2', '--epochs', '1', '--seed', '3', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.config.space).toBe(flags.includes('hierarchical') ? 'hierarchical' : 'chain');
      expect(json.config.strategy).toBe(flags[flags.indexOf('--strategy') + 1]);
      expect(json.trials).toHaveLength(2);
      expect(json.best.testAccuracy).toBeGreaterThan(0);
    }
  }, 240_000);
});
