import { defineSpace } from './entry';
import { MnasSpace } from './mnas';

/** Its stage layout is fixed here (DEFAULT_MNAS_SETTINGS), so a link carries no settings for it. */
export const mnas = defineSpace({
  id: MnasSpace.id,
  title: MnasSpace.title,
  blurb:
    'The network is split into stages; each stage searches its own block (conv type, kernel, squeeze-and-excitation, skip, width, depth) and repeats it (Tan et al. 2019).',
  // ProxylessNAS's own setting: per-layer MobileNetV2 blocks; the stage decisions other methods sample have no supernet.
  supernet: { methods: ['proxyless'] },
  create: () => new MnasSpace(),
});
