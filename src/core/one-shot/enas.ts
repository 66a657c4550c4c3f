import { defineOneShot } from './entry';

export const enas = defineOneShot({
  id: 'enas',
  name: 'ENAS',
  title: 'ENAS (shared weights + controller)',
  blurb:
    'An LSTM controller samples sub-networks of one shared supernet; shared weights and controller (REINFORCE on validation accuracy, entropy bonus) are trained in turn. The budget is the number of final samples ranked (Pham et al. 2018).',
  ranksPaths: true,
  sampler: 'controller',
  onePath: true,
  uses: ['archLearningRate', 'warmup', 'finetuneSteps'],
  labels: { archLearningRate: 'Controller rate' },
});
