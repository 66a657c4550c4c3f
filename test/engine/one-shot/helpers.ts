import { DEFAULT_ONE_SHOT, type OneShotSettings } from '../../../src/core/one-shot';
import { createRng } from '../../../src/core/rng';
import { Nb201Space } from '../../../src/core/space/nb201';
import type { MethodSetup } from '../../../src/engine/one-shot/methods';
import { buildSupernet } from '../../../src/nn/supernet/index';
import type { TrainData } from '../../../src/nn/train';

/**
 * A one-shot method's set-up on the smallest NB201 supernet (2 channels, one cell a stage) and 16
 * random 8×8 examples of 4 classes each side, every op allowed: enough to take single steps and
 * look at what they did. `tag` names the random streams (`tag-data` for the examples, `tag` for the weights).
 */
export function tinyNb201Setup(id: MethodSetup['id'], tag: string, batchSize: number, settings: Partial<OneShotSettings>): MethodSetup {
  const space = new Nb201Space({ channels: 2, cellsPerStage: 1 });
  const input = { height: 8, width: 8, channels: 1 };
  const rng = createRng(`${tag}-data`);
  const split = (n: number) => ({ x: Float32Array.from({ length: n * 64 }, () => rng.next()), y: Int32Array.from({ length: n }, () => rng.int(4)), n });
  const data: TrainData = { input, classes: 4, train: split(16), val: split(16) };
  const supernet = buildSupernet(space, input, 4, createRng(tag));
  return {
    id,
    space,
    supernet,
    data,
    training: { epochs: 1, batchSize, optimizer: 'sgd', learningRate: 0.05, weightDecay: 0 },
    settings: { ...DEFAULT_ONE_SHOT, epochs: 1, ...settings },
    seed: 3,
    stage: 0,
    allowed: supernet.edges.map(() => supernet.ops.map(() => true)),
    skipDropout: 0,
    between: async () => {},
    progress: () => {},
  };
}
