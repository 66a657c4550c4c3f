import { stageShape, type MnasGenotype, type MnasSettings } from '../space/mnas';
import { mnasLayers } from '../space/mnas-blocks';
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
  for (const layer of mnasLayers(settings, g, (i, s) => stageShape(settings, i, s)).flat()) {
    const { conv, cout, stride, kernel, se, skip } = layer;
    h = opGraph(b, h, `layers.${k++}`, conv, { cin: b.channels(h), cout, stride, kernel, se, skip })!;
  }
  return b.graph('mnas', classes, classifierHead(b, h, 'head', classes));
}
