import { stageShape, type MnasGenotype, type MnasSettings } from '../space/mnas';
import type { InputShape } from '../space/types';
import { classifierHead, convBn } from './blocks';
import { NetBuilder } from './builder';
import { opGraph } from './op-graphs';
import type { NetGraph } from './types';

/** Stem, then each stage's layers (the first strided), global pooling, linear. */
export function describeMnas(g: MnasGenotype, settings: MnasSettings, input: InputShape, classes: number): NetGraph {
  const b = new NetBuilder(input);
  let h = convBn(b, 0, 'stem', settings.stemChannels, { kernel: 3 });
  let k = 0;
  g.stages.forEach((stage, i) => {
    const { width, layers } = stageShape(settings, i, stage);
    for (let l = 0; l < layers; l++) {
      const stride = l === 0 ? settings.strides[i]! : 1;
      h = opGraph(b, h, `layers.${k++}`, stage.conv, {
        cin: b.channels(h),
        cout: width,
        stride,
        kernel: stage.kernel,
        se: stage.se,
        skip: stage.skip === 'identity',
      })!;
    }
  });
  return b.graph('mnas', classes, classifierHead(b, h, 'head', classes));
}
