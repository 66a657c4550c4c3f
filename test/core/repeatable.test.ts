import { describe, expect, it } from 'vitest';
import { compareDigest, hashTrials, makeDigest } from '../../src/core/digest';
import { parseExperiment } from '../../src/core/experiment';
import { unrepeatable } from '../../src/core/repeatable';

describe('what repeats to the digit', () => {
  it('says a reward on measured latency cannot repeat, and nothing else', () => {
    expect(unrepeatable(parseExperiment({}))).toBeNull();
    expect(unrepeatable(parseExperiment({ objective: { kind: 'mnas', cost: 'flops', target: 1e5 } }))).toBeNull();
    expect(unrepeatable(parseExperiment({ objective: { kind: 'mnas', cost: 'latency' } }))).toMatch(/latency measured on this device/);
  });

  it('hashes only architectures and accuracies: measured latency, reward and time do not enter the digest', () => {
    const run = (latencyMs: number, seconds: number) => [
      { encoded: 'a', accuracy: 0.5, latencyMs, reward: 0.5 * (latencyMs / 2) ** -0.07, seconds },
      { encoded: 'b', accuracy: 0.7, latencyMs: latencyMs * 2, reward: 0.7 * latencyMs ** -0.07, seconds },
    ];
    expect(hashTrials(run(1.2, 3))).toBe(hashTrials(run(1.9, 5)));
  });

  it('calls a differing re-run of such a search expected, not a surprise', () => {
    const shared = makeDigest([{ encoded: 'a', accuracy: 0.5 }], 'wasm')!;
    const other = [{ encoded: 'b', accuracy: 0.5 }];
    expect(compareDigest(shared, other, 'wasm')).toEqual({ kind: 'differs' });
    const why = unrepeatable(parseExperiment({ objective: { kind: 'mnas', cost: 'latency' } }));
    expect(compareDigest(shared, other, 'wasm', why)).toEqual({ kind: 'unrepeatable', why });
    // What does repeat still says so.
    expect(compareDigest(shared, [{ encoded: 'a', accuracy: 0.5 }], 'wasm', why)).toEqual({ kind: 'reproduced' });
  });
});
