import { defineOneShot } from './entry';

export const spos = defineOneShot({
  id: 'spos',
  name: 'SPOS',
  title: 'SPOS (single-path one-shot)',
  blurb:
    'Trains the supernet one uniformly sampled path per batch, then runs evolution over paths scored with the inherited weights after recalibrating batch norm (Guo et al. 2020), each path optionally fine-tuned a few steps first. The budget is the number of paths scored.',
  ranksPaths: true,
  sampler: 'uniform',
  onePath: true,
  uses: ['search', 'sampling', 'calibrationBatches', 'finetuneSteps'],
});
