import { defineEvaluator } from './entry';

export const train = defineEvaluator({
  id: 'train',
  name: 'Training from scratch',
  title: 'Train each candidate here',
  blurb: 'Each candidate is built and trained from scratch on this device; epochs and a data subset are its fidelities.',
  table: false,
  fidelities: true,
  sharesWeights: false,
});
