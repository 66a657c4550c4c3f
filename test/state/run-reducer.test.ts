import { describe, expect, it } from 'vitest';
import type { BackendReport } from '../../src/contracts/backend';
import type { AlphaSnapshot, RunEvent, StartInfo, TrialRecord } from '../../src/contracts/events';
import { makeDigest } from '../../src/core/digest';
import { applyEvents, beginRun, clearRun, failRun, idleRun, type RunState } from '../../src/state/run-reducer';

const graph = { nodes: [], edges: [] };
const info: StartInfo = {
  backend: 'wasm',
  dataset: { title: 'digits', train: 100, val: 20, classes: 10 },
  evaluator: 'train',
  spaceTitle: 'chain',
  spaceSize: 1000,
  budget: 3,
};

/** A finished trial as the engine records it; `reward` differs from `accuracy` so a test can tell which one was used. */
function trial(index: number, accuracy: number, encoded = `g${index}`): TrialRecord {
  return {
    index,
    encoded,
    genotype: { index },
    origin: 'random',
    reward: accuracy,
    graph,
    accuracy,
    curve: [],
    params: 100 + index,
    flops: 1000,
    seconds: 0.1,
  };
}

const started = (): RunState => beginRun(idleRun());
const run = (state: RunState, ...batches: RunEvent[][]): RunState => batches.reduce((s, events) => applyEvents(s, s.runId, events), state);

describe('the run reducer', () => {
  it('takes a batch of many trials in order, by position, and never changes the state it was given', () => {
    const before = run(started(), [{ type: 'start', info }, ...[0, 1, 2].map((i): RunEvent => ({ type: 'trial', trial: trial(i, 0.5) }))]);
    const kept = Object.freeze([...before.trials]);
    const frozen = { ...before, trials: kept as TrialRecord[] };
    const burst: RunEvent[] = Array.from({ length: 1000 }, (_, i) => ({ type: 'trial', trial: trial(i + 3, i / 1000) }));
    // A trial sent again (after resuming from a checkpoint) replaces its first copy and what came after it.
    const after = run(frozen, [...burst, { type: 'trial', trial: trial(2, 0.9, 'again') }, { type: 'trial', trial: trial(3, 0.8, 'next') }]);
    expect(after.trials.map((t) => t.encoded)).toEqual(['g0', 'g1', 'again', 'next']);
    expect(run(frozen, burst).trials.map((t) => t.index)).toEqual(Array.from({ length: 1003 }, (_, i) => i));
    expect(frozen.trials).toBe(kept);
    expect(kept.map((t) => t.encoded)).toEqual(['g0', 'g1', 'g2']);
  });

  it('follows a search from start to done: the trial in flight, its epochs, the finished trials, the digest', () => {
    let s = run(started(), [{ type: 'start', info }]);
    expect(s.status).toBe('running');
    expect(s.info).toBe(info);
    s = run(s, [
      { type: 'trial-start', index: 0, encoded: 'g0', origin: 'random', graph },
      { type: 'epoch', index: 0, report: { epoch: 1, loss: 2.1, valAccuracy: 0.3 } },
      { type: 'epoch', index: 0, report: { epoch: 2, loss: 1.7, valAccuracy: 0.5 } },
    ]);
    expect(s.current?.encoded).toBe('g0');
    expect(s.current?.epochs.map((e) => e.valAccuracy)).toEqual([0.3, 0.5]);
    expect(s.trials).toEqual([]);
    const first = trial(0, 0.5);
    s = run(s, [
      { type: 'trial', trial: first },
      { type: 'trial-start', index: 1, encoded: 'g1', origin: 'random', graph },
    ]);
    expect(s.trials).toEqual([first]);
    expect(s.current?.index).toBe(1);
    expect(s.current?.epochs).toEqual([]);
    // While it runs, the digest follows the trials (a link shared mid-run carries them).
    expect(s.digest).toEqual(makeDigest([first], 'wasm'));
    const second = trial(1, 0.7);
    const finalDigest = makeDigest([first, second], 'wasm');
    s = run(s, [
      { type: 'trial', trial: second },
      { type: 'done', stopped: false, digest: finalDigest, best: 1 },
    ]);
    expect(s.status).toBe('done');
    expect(s.digest).toBe(finalDigest);
    expect(s.returned).toBe(1);
    expect(s.trials).toEqual([first, second]);
  });

  it('names the latest trial in a digest made mid-run when the search returns its latest (DARTS), the top scorer otherwise', () => {
    const trials = [
      { type: 'trial', trial: trial(0, 0.9) },
      { type: 'trial', trial: trial(1, 0.4) },
    ] as const;
    const latest = run(started(), [{ type: 'start', info: { ...info, returnsLatest: true } }, ...trials]);
    expect(latest.digest?.best).toBe('g1');
    const top = run(started(), [{ type: 'start', info }, ...trials]);
    expect(top.digest?.best).toBe('g0');
    expect(latest.digest?.hash).toBe(top.digest?.hash);
  });

  it('drops an epoch of a trial other than the one in flight', () => {
    const s = run(started(), [
      { type: 'start', info },
      { type: 'trial-start', index: 2, encoded: 'g2', origin: 'random', graph },
    ]);
    expect(run(s, [{ type: 'epoch', index: 1, report: { epoch: 1, loss: 1, valAccuracy: 0.1 } }]).current).toBe(s.current);
  });

  it('replaces trials by position when a search resumed from a checkpoint sends them again', () => {
    const s = run(started(), [
      { type: 'start', info },
      { type: 'trial', trial: trial(0, 0.4) },
      { type: 'trial', trial: trial(1, 0.5) },
      { type: 'trial', trial: trial(2, 0.6) },
    ]);
    // A lost GPU: the search continues from the checkpoint after trial 1, sending trial 1 again (retrained elsewhere) and what follows.
    const again = run(s, [{ type: 'trial', trial: trial(1, 0.55, 'g1-again') }]);
    expect(again.trials.map((t) => t.encoded)).toEqual(['g0', 'g1-again']);
    const next = run(again, [{ type: 'trial', trial: trial(2, 0.65, 'g2-again') }]);
    expect(next.trials.map((t) => t.encoded)).toEqual(['g0', 'g1-again', 'g2-again']);
  });

  it('keeps a pause asked for while a batch was in flight, and lets the end of the run override it', () => {
    const running = run(started(), [{ type: 'start', info }]);
    const paused: RunState = { ...running, status: 'paused' };
    const s = run(paused, [
      { type: 'start', info },
      { type: 'trial', trial: trial(0, 0.5) },
    ]);
    expect(s.status).toBe('paused');
    // A paused run's digest still follows its trials.
    expect(s.digest).toEqual(makeDigest([trial(0, 0.5)], 'wasm'));
    expect(run(s, [{ type: 'done', stopped: true, digest: null }]).status).toBe('stopped');
  });

  it('drops stale events of an earlier run: the state is the same object', () => {
    const first = started();
    const second = beginRun(first);
    expect(second.runId).toBe(first.runId + 1);
    expect(
      applyEvents(second, first.runId, [
        { type: 'start', info },
        { type: 'trial', trial: trial(0, 0.9) },
      ]),
    ).toBe(second);
    expect(failRun(second, first.runId, { code: 'internal', message: 'late', hint: '' })).toBe(second);
  });

  it('ends the run on an error event, or on a failure to start', () => {
    const error = { code: 'internal' as const, message: 'boom', hint: 'Reload.' };
    const s = run(started(), [
      { type: 'start', info },
      { type: 'error', error },
    ]);
    expect(s.status).toBe('error');
    expect(s.error).toBe(error);
    const failed = failRun(started(), 1, error);
    expect([failed.status, failed.error]).toEqual(['error', error]);
  });

  it('takes a backend change from its typed event: the new report and the reason, no call back to the worker', () => {
    const wasm: BackendReport = { found: [], chosen: 'wasm', preference: 'wasm', reason: 'WEBGPU failed during the search', fallback: true };
    const s = run(started(), [
      { type: 'start', info },
      { type: 'backend', report: wasm, reason: 'WEBGPU failed: device lost.' },
    ]);
    expect(s.backend).toBe(wasm);
    expect(s.notice).toBe('WEBGPU failed: device lost.');
    expect(s.status).toBe('running');
    expect(run(s, [{ type: 'log', message: 'Resumed from this device.' }]).notice).toBe('Resumed from this device.');
  });

  it('keeps every α snapshot in order, and the latest supernet report', () => {
    const snapshot = (epoch: number): AlphaSnapshot => ({
      epoch,
      stage: 0,
      kind: 'alpha',
      ops: ['skip', 'conv'],
      edges: [{ group: 'cell', label: '0→1' }],
      probs: [[0.5 + epoch / 10, 0.5 - epoch / 10]],
      allowed: [[true, true]],
      parameterFree: [true, false],
      parameterFreeShare: 0.5 + epoch / 10,
      derived: epoch > 1 ? 'skip' : 'conv',
      chosen: [[epoch > 1 ? 0 : 1]],
      derivedParameterFree: epoch > 1 ? 1 : 0,
    });
    const supernet = {
      method: 'darts',
      stage: 0,
      stages: 1,
      epoch: 2,
      epochs: 4,
      cells: 3,
      params: 1000,
      weightBytes: 4000,
      supernetAccuracy: 0.4,
      stepBytes: 1,
      stepTensors: 2,
      peakStepBytes: 3,
    };
    const s = run(
      started(),
      [
        { type: 'start', info },
        { type: 'alphas', snapshot: snapshot(1) },
      ],
      [
        { type: 'alphas', snapshot: snapshot(2) },
        { type: 'supernet', info: supernet },
      ],
    );
    expect(s.alphaHistory.map((a) => a.epoch)).toEqual([1, 2]);
    expect(s.supernet).toBe(supernet);
  });

  it('starts a new run clean but keeps the backend the page already knows', () => {
    const wasm: BackendReport = { found: [], chosen: 'wasm', preference: 'auto', reason: 'the fastest here', fallback: false };
    const done = run({ ...started(), backend: wasm }, [
      { type: 'start', info },
      { type: 'trial', trial: trial(0, 0.5) },
      { type: 'done', stopped: false, digest: null, best: 0 },
    ]);
    const next = beginRun(done);
    expect(next).toEqual({ ...idleRun(), runId: done.runId + 1, status: 'preparing', backend: wasm });
  });
});

describe('settings changed after a run', () => {
  it('clears its results, keeps the backend, and drops its late events', () => {
    const backend = { chosen: 'wasm' } as BackendReport;
    let state = beginRun({ ...idleRun(), backend });
    state = applyEvents(state, state.runId, [
      { type: 'start', info },
      { type: 'trial', trial: trial(0, 0.5) },
      { type: 'done', stopped: false, digest: null },
    ]);
    const cleared = clearRun(state);
    expect(cleared).toMatchObject({ status: 'idle', trials: [], current: null, digest: null, error: null, backend });
    expect(applyEvents(cleared, state.runId, [{ type: 'trial', trial: trial(1, 0.9) }])).toBe(cleared);
  });

  it('step mode: a step event says where the search waits; the end of the run ends the wait', () => {
    const at = { phase: 'propose' as const, index: 0, encoded: 'g0', origin: 'random', choices: [0], decisions: [{ name: 'd', options: ['a'] }], view: null };
    const waiting = run(started(), [
      { type: 'start', info },
      { type: 'step', step: at },
    ]);
    expect(waiting.step).toEqual(at);
    expect(waiting.stepWaiting).toBe(true);
    const done = run(waiting, [{ type: 'done', stopped: true, digest: null }]);
    expect(done.stepWaiting).toBe(false);
    expect(done.step).toEqual(at);
    expect(beginRun(done).step).toBeNull();
  });
});
