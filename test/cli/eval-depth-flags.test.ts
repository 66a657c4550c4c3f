import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args';

describe('the --eval-depth flags', () => {
  it('are off unless asked; --eval-cells or --eval-epochs alone turn them on, each left out taking the space’s default', () => {
    expect(parseCliArgs(['--dataset', 'digits', '--space', 'cell']).evalDepth).toBeNull();
    expect(parseCliArgs(['--dataset', 'digits', '--space', 'cell', '--eval-depth']).evalDepth).toEqual({});
    expect(parseCliArgs(['--dataset', 'digits', '--space', 'cell', '--eval-cells', '20']).evalDepth).toEqual({ depth: 20 });
    expect(parseCliArgs(['--dataset', 'digits', '--space', 'cell', '--eval-epochs', '9', '--eval-cells', '14']).evalDepth).toEqual({ depth: 14, epochs: 9 });
  });

  it('refuses a space without a deeper form, a bad number, and --seeds, naming the flag', () => {
    expect(() => parseCliArgs(['--dataset', 'digits', '--space', 'resolution', '--eval-depth'])).toThrow(/resolution.*no deeper form/i);
    expect(() => parseCliArgs(['--dataset', 'digits', '--space', 'cell', '--eval-epochs', 'x'])).toThrow(/--eval-epochs must be a whole number/);
    expect(() => parseCliArgs(['--dataset', 'digits', '--space', 'cell', '--seeds', '1,2', '--eval-cells', '8'])).toThrow(/leave out --seeds/);
  });
});
