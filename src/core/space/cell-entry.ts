import { problem } from '../problems';
import { defineSpace } from './entry';
import { CellSpace, CELL_SETTINGS } from './cell';

export const cell = defineSpace({
  id: CellSpace.id,
  title: CellSpace.title,
  blurb:
    'A normal and a reduction cell (B nodes, two inputs and two ops each) are searched and stacked: the same cells work at any depth, so search shallow and evaluate deep.',
  settings: { key: 'cell', schema: CELL_SETTINGS },
  controls: ['channels', 'nodes', 'cellsPerStage', 'ops'],
  supernet: {
    check: (settings, title) =>
      settings.ops === 'darts'
        ? null
        : problem(
            'spaceSettings.cell.ops',
            `${title} on cells uses the DARTS op set (its supernet concatenates every node); this experiment uses the NASNet ops.`,
            'Set the cell op set to DARTS.',
          ),
    fit: (settings) => {
      settings.ops = 'darts';
    },
  },
  // NASNet's cells output the nodes no other node reads; DARTS's concatenate all.
  follow: (settings, field) => {
    if (field === 'ops') settings.concat = settings.ops === 'nasnet' ? 'unused' : 'all';
  },
  create: (settings) => new CellSpace(settings),
});
