import { defineSpace } from './entry';
import { HierSpace, HIER_SETTINGS } from './hier';

/** No supernet: its motifs are reused at several places of the cell, which a one-shot supernet of edges does not express. */
export const hierarchical = defineSpace({
  id: HierSpace.id,
  title: HierSpace.title,
  blurb:
    'Primitives are wired into small motifs, motifs into the cell: level-1 ops, level-2 motifs, a level-3 motif, each a DAG; searched by mutating one edge at one level (Liu et al. 2018).',
  settings: { key: 'hierarchical', schema: HIER_SETTINGS },
  controls: ['motifs', 'cellNodes', 'channels'],
  create: (settings) => new HierSpace(settings),
});
