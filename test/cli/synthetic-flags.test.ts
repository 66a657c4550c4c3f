import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from '../../src/cli/args';
import { decodeLink, encodeLink } from '../../src/core/link';
import { parseExperiment } from '../../src/core/experiment';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('--synthetic and --synthetic-amount', () => {
  it('set the generator and the amount, listed in --help; without them nothing is generated', () => {
    expect(parseCliArgs(['--synthetic', 'gan']).experiment.data.synthetic).toEqual({ balance: false, generate: 'gan', amount: 1 });
    expect(parseCliArgs(['--synthetic', 'gan', '--synthetic-amount', '0.5']).experiment.data.synthetic.amount).toBe(0.5);
    expect(parseCliArgs([]).experiment.data.synthetic.generate).toBe('none');
    expect(USAGE).toMatch(/--synthetic none\|gan/);
    expect(USAGE).toMatch(/--synthetic-amount X/);
  });

  it('override a link, and a link that asks for generated examples keeps them', () => {
    const x = parseExperiment({ dataset: 'iris', data: { synthetic: { generate: 'gan', amount: 3 } } });
    expect(parseCliArgs(['--link', encodeLink(x)]).experiment.data.synthetic).toMatchObject({ generate: 'gan', amount: 3 });
    expect(parseCliArgs(['--link', encodeLink(x), '--synthetic', 'none']).experiment.data.synthetic).toMatchObject({ generate: 'none', amount: 3 });
  });

  it('refuse values they do not take, saying which', () => {
    expect(() => parseCliArgs(['--synthetic', 'vae'])).toThrow(/--synthetic must be one of none, gan; got "vae"/);
    expect(() => parseCliArgs(['--synthetic', 'gan', '--synthetic-amount', '9'])).toThrow(/--synthetic-amount must be a number from 0.1 to 4/);
    expect(() => parseCliArgs(['--synthetic', 'gan', '--synthetic-amount', 'lots'])).toThrow(/--synthetic-amount/);
    expect(() => parseCliArgs(['--dataset', 'cifar10_images', '--synthetic', 'gan'])).toThrow(/up to 1024 values/);
  });

  it('runs a search with generated examples headless, and its link carries them', () => {
    const flags = ['--dataset', 'spiral', '--budget', '1', '--epochs', '1', '--seed', '5', '--backend', 'wasm', '--json'];
    const run = cli([...flags, '--synthetic', 'gan', '--synthetic-amount', '2']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.config.data.synthetic).toEqual({ balance: false, generate: 'gan', amount: 2 });
    expect(decodeLink(out.link).experiment.data.synthetic).toEqual(out.config.data.synthetic);
    const plain = JSON.parse(cli(flags).stdout);
    // The same first architecture trained on more examples: a different result.
    expect(plain.trials[0].encoded).toBe(out.trials[0].encoded);
    expect(plain.trials[0].accuracy).not.toBe(out.trials[0].accuracy);
  }, 240_000);
});
