import { defineSpace } from './entry';
import { ResolutionSpace, RESOLUTION_SETTINGS } from './resolution';

export const resolution = defineSpace({
  id: ResolutionSpace.id,
  title: ResolutionSpace.title,
  blurb:
    'Besides the block, the path through resolutions is searched: at each layer the feature map goes down, stays or goes up a level of the ladder (Auto-DeepLab, Liu et al. 2019).',
  settings: { key: 'resolution', schema: RESOLUTION_SETTINGS },
  controls: ['layers', 'channels'],
  // Auto-DeepLab's network-level search: DARTS learns β over the trellis beside α.
  supernet: { methods: ['darts'] },
  create: (settings) => new ResolutionSpace(settings),
});
