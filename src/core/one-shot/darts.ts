import { defineOneShot } from './entry';

export const darts = defineOneShot({
  id: 'darts',
  name: 'DARTS',
  title: 'DARTS (differentiable)',
  blurb:
    'Relaxes each edge to a softmax-weighted sum of all ops and learns the weights α by gradient on the validation split while the supernet trains on the training split; keeps the strongest two inputs per node (Liu et al. 2019).',
  readsAlpha: true,
  onePath: false,
  uses: ['archLearningRate', 'warmup', 'order'],
});
