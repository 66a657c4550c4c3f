import { defineSpace } from './entry';
import { MnasSpace } from './mnas';

/** Its stage layout is fixed here (DEFAULT_MNAS_SETTINGS), so a link carries no settings for it. */
export const mnas = defineSpace({
  id: MnasSpace.id,
  title: MnasSpace.title,
  blurb:
    'The network is split into stages; each stage searches its own block (conv type, kernel, squeeze-and-excitation, skip, width, depth) and repeats it (Tan et al. 2019).',
  create: () => new MnasSpace(),
});
