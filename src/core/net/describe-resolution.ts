import { resolutionOpId, type ResolutionGenotype, type ResolutionSettings } from '../space/resolution';
import type { InputShape } from '../space/types';
import { classifierHead, convBn } from './blocks';
import { NetBuilder } from './builder';
import { opGraph } from './op-graphs';
import type { NetGraph } from './types';

/** Stem, then one residual block per step of the path; a step up the ladder is a strided conv, down is ×2 upsampling and a 1 × 1 conv. */
export function describeResolution(g: ResolutionGenotype, settings: ResolutionSettings, input: InputShape, classes: number): NetGraph {
  const b = new NetBuilder(input);
  const channels = (r: number) => settings.channels * 2 ** r;
  let h = convBn(b, 0, 'stem', settings.channels, { kernel: 3 });
  let level = 0;
  g.path.forEach((next, l) => {
    const scope = `steps.${l}`;
    const cout = channels(next);
    let t = h;
    if (next > level) t = convBn(b, h, `${scope}.transition`, cout, { kernel: 3, stride: 2 });
    else if (next < level) t = convBn(b, b.add({ kind: 'upsample' }, [h], scope), `${scope}.transition`, cout, { kernel: 1 });
    const block = opGraph(b, t, `${scope}.block`, resolutionOpId(g.block), { cin: cout, cout, stride: 1 })!;
    h = b.add({ kind: 'add' }, [t, block], scope);
    level = next;
  });
  return b.graph('resolution', classes, classifierHead(b, h, 'head', classes));
}
