import { defineSpace } from './entry';
import { ChainSpace, CHAIN_SETTINGS } from './chain';

export const chain = defineSpace({
  id: ChainSpace.id,
  title: ChainSpace.title,
  blurb:
    'Each layer picks an operation (its kernel), a width, a stride and which earlier layers feed it: the whole network is searched, so the space grows exponentially with depth (Zoph & Le 2017).',
  settings: { key: 'chain', schema: CHAIN_SETTINGS },
  controls: ['depth'],
  flatInputs: true,
  create: (settings, options) => new ChainSpace(settings, options),
});
