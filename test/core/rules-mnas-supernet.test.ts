import { describe, expect, it } from 'vitest';
import { adjustFor } from '../../src/core/adjust';
import { parseExperiment } from '../../src/core/experiment';
import { problemsOf } from '../../src/core/rules';

/** ProxylessNAS in its own setting: the MnasNet-style space's supernet serves it, and no other weight-sharing method. */
describe('the MnasNet-style supernet in the rules', () => {
  it('ProxylessNAS runs on the mnas space', () => {
    expect(problemsOf(parseExperiment({ strategy: 'proxyless', space: 'mnas' }))).toEqual([]);
  });

  it.each([
    [
      { strategy: 'darts', space: 'mnas' },
      /^DARTS \(differentiable\) has no supernet of the Hierarchical \(MnasNet stages\) space: only ProxylessNAS \(binarised paths\) trains its supernet\./,
    ],
    [{ strategy: 'spos', space: 'mnas' }, /^SPOS \(single-path one-shot\) has no supernet of the Hierarchical \(MnasNet stages\) space: only ProxylessNAS/],
    [{ strategy: 'pdarts', space: 'mnas' }, /only ProxylessNAS \(binarised paths\) trains its supernet/],
    [
      { evaluator: 'supernet', space: 'mnas' },
      /^Scoring with a shared supernet has no supernet of the Hierarchical \(MnasNet stages\) space: only ProxylessNAS/,
    ],
    [
      { strategy: 'proxyless', space: 'chain' },
      /^ProxylessNAS \(binarised paths\) shares weights in a supernet, which exists for the cell, nb201 and mnas spaces, not "chain"\.$/,
    ],
  ])('%j is refused, and says why', (raw, message) => {
    expect(() => parseExperiment(raw)).toThrow(message);
  });

  it('choosing another weight-sharing method on mnas moves to a space it serves; ProxylessNAS stays', () => {
    const x = parseExperiment({ space: 'mnas' });
    expect(adjustFor(x, { strategy: 'spos' }).experiment.space).toBe('nb201');
    expect(adjustFor(x, { strategy: 'proxyless' }).experiment.space).toBe('mnas');
  });
});
