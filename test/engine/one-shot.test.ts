import { describe, expect, it } from 'vitest';
import { DEFAULT_ONE_SHOT, ONE_SHOT_IDS, type OneShotId } from '../../src/core/one-shot';
import { parseExperiment, type ExperimentInput } from '../../src/core/experiment';
import { createRng } from '../../src/core/rng';
import { Nb201Space } from '../../src/core/space/nb201';
import { readPublicAsset } from '../../src/data/node-assets';
import { SearchControl } from '../../src/engine/control';
import type { EngineEvent } from '../../src/contracts/events';
import { weightStep, type Batch } from '../../src/engine/one-shot/common';
import { Darts, Proxyless, type MethodSetup } from '../../src/engine/one-shot/methods';
import type { OneShotCheckpoint } from '../../src/engine/one-shot/run';
import { runSearch } from '../../src/engine/search';
import { buildNetwork } from '../../src/nn/build';
import { BuildContext } from '../../src/nn/layers';
import { Optimizer } from '../../src/nn/optimizer';
import { buildSupernet, pathChooser, type ChooseEdge, type Supernet } from '../../src/nn/supernet/index';
import type { TrainData } from '../../src/nn/train';
import * as tf from '@tensorflow/tfjs-core';
import { on } from '../nn/helpers';

const TINY = {
  dataset: 'digits',
  data: { maxExamples: 90 },
  space: 'nb201',
  spaceSettings: { nb201: { channels: 2 } },
  budget: 3,
  training: { batchSize: 32 },
} as const;

async function search(
  input: ExperimentInput,
  extra: { control?: SearchControl; resumeOneShot?: OneShotCheckpoint; onCheckpoint?: (c: OneShotCheckpoint) => void } = {},
  events: EngineEvent[] = [],
) {
  await on('wasm');
  return runSearch(parseExperiment(input), { readAsset: readPublicAsset, backend: 'wasm', ...extra }, (e) => events.push(e));
}

/**
 * A toy supernet with one edge and four candidate ops on one-hot inputs: `none`, `identity` (the
 * right answer: the input is the label), `negate` and `shift` (both wrong). A learnt temperature is
 * the only weight, so α alone decides which op the logits come from.
 */
function toySupernet(classes: number): Supernet<{ op: number }> {
  const ctx = new BuildContext(createRng('toy'));
  const temperature = ctx.constant([1], 1, true);
  const ops = ['none', 'identity', 'negate', 'shift'];
  const apply = (x: tf.Tensor4D, _training: boolean, choose: ChooseEdge) => {
    const flat = tf.reshape(x, [x.shape[0], classes]) as tf.Tensor2D;
    const outs = [null, flat, tf.neg(flat), tf.concat([tf.slice(flat, [0, 1], [-1, classes - 1]), tf.slice(flat, [0, 0], [-1, 1])], 1)];
    const choice = choose(0);
    const terms = choice.ops.flatMap((k, i) => (outs[k] ? [choice.coefs ? tf.mul(outs[k]!, choice.coefs[i]!) : outs[k]!] : []));
    const sum = terms.length ? (tf.addN(terms) as tf.Tensor2D) : tf.zerosLike(flat);
    return tf.mul(sum, tf.mul(temperature, 4)) as tf.Tensor2D;
  };
  return {
    ctx,
    ops,
    edges: [{ group: 'cell', from: 0, to: 1, label: 'in → out' }],
    parameterFree: [true, true, true, true],
    noneInGenotypes: true,
    cells: 1,
    apply,
    pathOf: (g) => [[g.op]],
    variablesOf: () => ({ trainable: [temperature], statistics: [] }),
    derive: (probs) => ({ op: probs[0]!.indexOf(Math.max(...probs[0]!.slice(1))) }),
    dispose: () => ctx.dispose(),
  };
}

function toyData(classes: number, n: number, seed: string): TrainData {
  const rng = createRng(seed);
  const split = () => {
    const x = new Float32Array(n * classes);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.int(classes);
      x[i * classes + y[i]!] = 1;
    }
    return { x, y, n };
  };
  return { input: { height: 1, width: 1, channels: classes }, classes, train: split(), val: split() };
}

function toySetup(supernet: Supernet, order: 1 | 2): MethodSetup {
  return {
    id: 'darts',
    space: new Nb201Space(),
    supernet,
    data: toyData(4, 128, 'toy-data'),
    training: { epochs: 1, batchSize: 16, optimizer: 'sgd', learningRate: 0.05, weightDecay: 0 },
    settings: { ...DEFAULT_ONE_SHOT, epochs: 3, archLearningRate: 0.05, order },
    seed: 1,
    stage: 0,
    allowed: [[true, true, true, true]],
    skipDropout: 0,
    between: async () => {},
    progress: () => {},
  };
}

describe('DARTS', () => {
  it.each([1, 2] as const)('order %i: on a toy problem with one clearly best op, α learns to pick it', async (order) => {
    await on('wasm');
    const supernet = toySupernet(4);
    const darts = new Darts(toySetup(supernet, order));
    const start = (await darts.view()).probs[0]!;
    expect(Math.max(...start) - Math.min(...start)).toBeLessThan(0.01); // α starts nearly uniform
    for (let e = 1; e <= 3; e++) await darts.trainEpoch(e);
    const probs = (await darts.view()).probs[0]!;
    expect(probs.indexOf(Math.max(...probs))).toBe(1);
    expect(probs[1]).toBeGreaterThan(0.5);
    expect(await darts.current()).toEqual({ op: 1 });
    darts.dispose();
    supernet.dispose();
  });

  it('derives top-2 inputs per node without none on cells, and shows α and the supernet as it trains', async () => {
    const events: EngineEvent[] = [];
    const cellTiny = { ...TINY, space: 'cell', spaceSettings: { cell: { nodes: 2, channels: 2, stemMultiplier: 1 } }, data: { maxExamples: 50 } } as const;
    const result = await search({ ...cellTiny, strategy: 'darts', strategySettings: { oneShot: { epochs: 1 } } }, {}, events);
    const g = result.best!.genotype as { normal: { edges: [string, number][] }; reduce: { edges: [string, number][] } };
    for (const cell of [g.normal, g.reduce]) {
      expect(cell.edges).toHaveLength(4);
      expect(cell.edges.every(([op]) => op !== 'none')).toBe(true);
      expect(new Set(cell.edges.slice(2).map(([, input]) => input)).size).toBe(2); // two distinct inputs per node
    }
    const alpha = events.filter((e) => e.type === 'alphas');
    expect(alpha.length).toBeGreaterThan(0);
    const last = alpha[alpha.length - 1]!.type === 'alphas' ? alpha[alpha.length - 1]!.snapshot : null;
    expect(last!.ops[0]).toBe('none');
    expect(last!.probs).toHaveLength(2 * (2 + 3));
    for (const row of last!.probs) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const info = events.find((e) => e.type === 'supernet');
    expect(info && info.type === 'supernet' && info.info.params).toBeGreaterThan(0);
    expect(result.best!.graph.edges.some((e) => e.weight !== undefined)).toBe(true);
    // What DARTS returns is its last derived cell, and the digest names that one too.
    expect(result.best!.index).toBe(result.trials.length - 1);
    expect(result.digest!.best).toBe(result.best!.encoded);
    // It is reported on the held-out test split with the weights it inherits, measured once at the end.
    const done = events.find((e) => e.type === 'done');
    expect(done?.type === 'done' && done.test).toBe(result.best!.testAccuracy);
    expect(result.best!.testAccuracy).toBeGreaterThanOrEqual(0);
  });
});

describe('ProxylessNAS', () => {
  it('keeps one path’s tensors alive in a weight step: as many as the stand-alone network of that path, far fewer than DARTS', async () => {
    await on('wasm');
    const space = new Nb201Space({ channels: 4 });
    const data = toyData(10, 32, 'px');
    const input = { height: 8, width: 8, channels: 1 };
    const images: TrainData = { ...data, input, train: { ...data.train, x: new Float32Array(32 * 64).map((_, i) => Math.sin(i)) } };
    const supernet = buildSupernet(space, input, 10, createRng('px'));
    const setup: MethodSetup = {
      ...toySetup(supernet, 1),
      id: 'proxyless',
      space,
      data: images,
      allowed: supernet.edges.map(() => supernet.ops.map(() => true)),
    };
    const proxyless = new Proxyless(setup);
    const darts = new Darts({ ...setup, id: 'darts' });
    const optimizer = new Optimizer('sgd', supernet.ctx.trainable, 0);
    const batch: Batch = {
      x: tf.tensor4d(images.train.x.slice(0, 8 * 64), [8, 8, 8, 1]),
      y: tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10) as tf.Tensor2D,
      n: 8,
    };
    const rng = createRng('paths');
    for (let i = 0; i < 4; i++) {
      const path = await proxyless.samplePath(rng);
      expect(path.every((ops) => ops.length === 1)).toBe(true);
      const single = await weightStep(supernet, optimizer, 0.01, batch, pathChooser(path));
      const genotype = { ops: path.map((ops) => supernet.ops[ops[0]!]!) };
      const net = buildNetwork(space, genotype, input, 10, createRng(`standalone-${i}`));
      const before = tf.memory().numTensors;
      let standalone = 0;
      const { value, grads } = tf.variableGrads(() => {
        const loss = tf.losses.softmaxCrossEntropy(batch.y, net.apply(batch.x, true)) as tf.Scalar;
        standalone = tf.memory().numTensors - before;
        return loss;
      }, net.ctx.trainable);
      tf.dispose([value, ...Object.values(grads)]);
      net.ctx.dispose();
      expect(single.memory.tensors, JSON.stringify(genotype)).toBe(standalone);
    }
    const all = await weightStep(supernet, optimizer, 0.01, batch, darts.mixed());
    const one = await weightStep(supernet, optimizer, 0.01, batch, pathChooser(await proxyless.samplePath(rng)));
    expect(all.memory.bytes).toBeGreaterThan(2.5 * one.memory.bytes);
    const count = tf.memory().numTensors;
    await weightStep(supernet, optimizer, 0.01, batch, pathChooser(await proxyless.samplePath(rng)));
    expect(tf.memory().numTensors).toBe(count); // nothing leaks per step
    tf.dispose([batch.x, batch.y]);
    optimizer.dispose();
    proxyless.dispose();
    darts.dispose();
    supernet.dispose();
  });
});

describe('every weight-sharing strategy', () => {
  const settings = (_id: OneShotId) => ({ epochs: 2, stages: 2 });

  it.each(ONE_SHOT_IDS)('%s: checkpoints after an epoch and resumes to exactly the uninterrupted result', async (id) => {
    const x = { ...TINY, strategy: id, strategySettings: { oneShot: settings(id) } };
    const whole = await search(x);
    expect(whole.stopped).toBe(false);
    expect(whole.best).not.toBeNull();
    const epochs = id === 'pdarts' ? 4 : 2;
    expect(whole.trials.length).toBe(epochs + (id === 'spos' || id === 'enas' ? TINY.budget : 0));

    const control = new SearchControl();
    let saved: OneShotCheckpoint | null = null;
    const partial = await search(x, {
      control,
      onCheckpoint: (c) => {
        saved ??= c;
        control.stop();
      },
    });
    expect(partial.stopped).toBe(true);
    expect(saved).not.toBeNull();
    // The checkpoint crosses a worker boundary (and could go to IndexedDB) as a structured clone.
    const resumed = await search(x, { resumeOneShot: structuredClone(saved!) });
    expect(resumed.trials.map((t) => [t.encoded, t.accuracy])).toEqual(whole.trials.map((t) => [t.encoded, t.accuracy]));
    expect(resumed.best!.encoded).toBe(whole.best!.encoded);
    expect(resumed.digest).toEqual(whole.digest);
  });

  it('SPOS with each scored path fine-tuned: other scores than the inherited weights give, and a resume ends exactly where the uninterrupted run does', async () => {
    const x = { ...TINY, strategy: 'spos', strategySettings: { oneShot: { epochs: 2, finetuneSteps: 3 } } } as const;
    const plain = await search({ ...x, strategySettings: { oneShot: { epochs: 2 } } });
    const whole = await search(x);
    expect(whole.trials.length).toBe(2 + TINY.budget);
    // The epochs' trials are the same supernet; the ranked paths' scores come after their own steps.
    expect(whole.trials.slice(0, 2).map((t) => t.accuracy)).toEqual(plain.trials.slice(0, 2).map((t) => t.accuracy));
    expect(whole.trials.slice(2).map((t) => t.accuracy)).not.toEqual(plain.trials.slice(2).map((t) => t.accuracy));
    const control = new SearchControl();
    let saved: OneShotCheckpoint | null = null;
    await search(x, {
      control,
      onCheckpoint: (c) => {
        saved ??= c;
        control.stop();
      },
    });
    const resumed = await search(x, { resumeOneShot: structuredClone(saved!) });
    expect(resumed.trials.map((t) => [t.encoded, t.accuracy])).toEqual(whole.trials.map((t) => [t.encoded, t.accuracy]));
    expect(resumed.digest).toEqual(whole.digest);
  });

  it('ProxylessNAS measures each op’s latency once, keeps it in the checkpoint, and the latency term moves α towards cheap ops', async () => {
    const x = (latencyWeight: number) =>
      ({ ...TINY, strategy: 'proxyless', strategySettings: { oneShot: { epochs: 2, latencyWeight, archLearningRate: 0.05 } } }) as const;
    let saved: OneShotCheckpoint | null = null;
    const alphaOf = async (w: number) => {
      const events: EngineEvent[] = [];
      await search(x(w), { onCheckpoint: (c) => (saved = c) }, events);
      const snaps = events.flatMap((e) => (e.type === 'alphas' ? [e.snapshot] : []));
      return snaps[snaps.length - 1]!;
    };
    const plain = await alphaOf(0);
    const costly = await alphaOf(5);
    const latency = (saved as OneShotCheckpoint | null)!.method.latency!;
    expect(latency).toHaveLength(6);
    const conv3 = plain.ops.indexOf('nor_conv_3x3');
    const skip = plain.ops.indexOf('skip_connect');
    expect(latency[0]![conv3]).toBeGreaterThan(latency[0]![skip]!);
    const convMass = (s: typeof plain) => s.probs.reduce((sum, row) => sum + row[conv3]!, 0);
    expect(convMass(costly)).toBeLessThan(convMass(plain));
  });

  it('leaves no tensors behind', async () => {
    await search({ ...TINY, strategy: 'darts', strategySettings: { oneShot: { epochs: 1 } } });
    const count = tf.memory().numTensors;
    await search({ ...TINY, strategy: 'proxyless', strategySettings: { oneShot: { epochs: 2 } } });
    await search({ ...TINY, strategy: 'enas', strategySettings: { oneShot: { epochs: 1 } } });
    expect(tf.memory().numTensors).toBe(count);
  });

  it('refuses spaces without a supernet, the table evaluator and the NASNet op set, saying what to do', () => {
    expect(() => parseExperiment({ strategy: 'darts', space: 'chain' })).toThrow(/supernet.*cell, nb201 and resolution/);
    expect(() => parseExperiment({ strategy: 'spos', space: 'nb201', evaluator: 'nb201', dataset: 'cifar10' })).toThrow(/trains a supernet/);
    expect(() => parseExperiment({ strategy: 'enas', space: 'cell', spaceSettings: { cell: { ops: 'nasnet' } } })).toThrow(/DARTS op set/);
  });

  it('NAS-Bench-201 cells found by weight sharing are looked up in the table for their CIFAR-10 accuracy', async () => {
    const result = await search({ ...TINY, strategy: 'darts', strategySettings: { oneShot: { epochs: 1 } } });
    expect(result.best!.reported?.label).toMatch(/CIFAR-10/);
    expect(result.best!.reported!.accuracy).toBeGreaterThan(0.05);
  });
});

describe('the supernet evaluator', () => {
  it('lets any ask/tell strategy rank the paths of one SPOS supernet, and refuses multi-fidelity strategies', async () => {
    const events: EngineEvent[] = [];
    const result = await search(
      { ...TINY, evaluator: 'supernet', strategy: 'tpe', budget: 4, strategySettings: { oneShot: { epochs: 1 }, tpe: { initial: 2 } } },
      {},
      events,
    );
    // One supernet epoch, then the budget's paths proposed by TPE and scored with inherited weights.
    expect(result.trials).toHaveLength(1 + 4);
    expect(result.trials.slice(1).every((t) => t.origin.startsWith('tpe over paths'))).toBe(true);
    expect(result.trials.slice(1).every((t) => t.curve.length === 0)).toBe(true); // scored, not trained
    expect(events.find((e) => e.type === 'start')).toMatchObject({ info: { evaluator: 'supernet' } });
    expect(result.best!.reward).toBe(Math.max(...result.trials.slice(1).map((t) => t.reward)));
    const again = await search({
      ...TINY,
      evaluator: 'supernet',
      strategy: 'tpe',
      budget: 4,
      strategySettings: { oneShot: { epochs: 1 }, tpe: { initial: 2 } },
    });
    expect(again.digest).toEqual(result.digest);
    expect(() => parseExperiment({ ...TINY, evaluator: 'supernet', strategy: 'hyperband' })).toThrow(/one fidelity/);
    expect(() => parseExperiment({ evaluator: 'supernet', space: 'chain' })).toThrow(/cell and nb201/);
  });
});
