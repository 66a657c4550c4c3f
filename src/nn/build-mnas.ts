import { stageShape, type MnasGenotype, type MnasSettings } from '../core/space/mnas';
import type { InputShape } from '../core/space/types';
import { BuildContext, classifierHead, convLayer, type Layer } from './layers';
import { buildOp } from './op-factories';
import { stackNetwork, type Network } from './network';

export function buildMnas(g: MnasGenotype, settings: MnasSettings, input: InputShape, classes: number, ctx: BuildContext): Network {
  const stem = convLayer(ctx, input.channels, settings.stemChannels, { kernel: 3 });
  const layers: Layer[] = [];
  let cin = settings.stemChannels;
  g.stages.forEach((stage, i) => {
    const { width, layers: count } = stageShape(settings, i, stage);
    for (let l = 0; l < count; l++) {
      const stride = l === 0 ? settings.strides[i]! : 1;
      layers.push(buildOp(ctx, stage.conv, { cin, cout: width, stride, kernel: stage.kernel, se: stage.se, skip: stage.skip === 'identity' })!);
      cin = width;
    }
  });
  const head = classifierHead(ctx, cin, classes);
  return stackNetwork(ctx, stem, layers, head);
}
