import { defineOneShot } from './entry';

export const pdarts = defineOneShot({
  id: 'pdarts',
  name: 'P-DARTS',
  title: 'P-DARTS (progressive DARTS)',
  blurb:
    'DARTS in stages that deepen the supernet while dropping the weakest ops per edge, with dropout on skip connections and at most two skips in the final normal cell (Chen et al. 2019).',
  readsAlpha: true,
  onePath: false,
  uses: ['archLearningRate', 'warmup', 'order', 'stages', 'skipDropout'],
  labels: { epochs: 'Epochs / stage' },
});
