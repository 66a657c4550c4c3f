import { problem } from '../problems';
import { defineEvaluator } from './entry';

export const supernet = defineEvaluator({
  id: 'supernet',
  name: 'Scoring with a shared supernet',
  title: 'Score with shared weights (one SPOS supernet)',
  blurb:
    'A supernet is trained once, with one random path per batch; then the strategy below ranks its sub-networks by their accuracy with the weights they inherit — milliseconds each instead of a training run, at the price of a rougher ranking.',
  table: false,
  fidelities: false,
  sharesWeights: true,
  supernetMethod: 'spos',
  oneFidelity: (name) =>
    problem(
      'strategy',
      `${name} trains candidates for more and more epochs, but a supernet scores every sub-network at once, at one fidelity.`,
      'Pick another strategy, or train each candidate.',
    ),
});
