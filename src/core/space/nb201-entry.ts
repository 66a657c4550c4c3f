import { defineSpace } from './entry';
import { Nb201Space, NB201_SETTINGS } from './nb201';

export const nb201 = defineSpace({
  id: Nb201Space.id,
  title: Nb201Space.title,
  blurb:
    'One small cell (4 nodes, an operation on each of 6 edges) is searched and stacked into a fixed network: 15 625 cells in all, 6 466 of them unique up to isomorphism.',
  settings: { key: 'nb201', schema: NB201_SETTINGS },
  controls: ['cellsPerStage', 'channels'],
  supernet: { preferred: true },
  create: (settings) => new Nb201Space(settings),
});
