import { dataInput } from './dataset/input';
import type { ExperimentView } from './experiment-fields';
import { problem, type Problem } from './problems';

/**
 * The GAN's generator writes every value of an example: past this many (28 × 28 greyscale is 784)
 * its training would take minutes in the worker, so larger images are refused with a reason.
 */
export const MAX_GAN_VALUES = 1024;

/** Why generated training examples cannot be asked for here; none when they can. */
export function syntheticProblems(x: Pick<ExperimentView, 'dataset' | 'data'>): Problem[] {
  if (x.data.synthetic.generate === 'none') return [];
  const input = dataInput(x);
  if (input.kind === 'none') {
    return [
      problem(
        'data.synthetic.generate',
        'This dataset has no examples to learn a generator from: it is known only through the NAS-Bench-201 table.',
        'Set "generated examples" to none, or choose a dataset with examples.',
      ),
    ];
  }
  if (input.kind === 'image' && input.shape) {
    const { height, width, channels } = input.shape;
    const values = height * width * channels;
    if (values > MAX_GAN_VALUES) {
      return [
        problem(
          'data.synthetic.generate',
          `The GAN generates images of up to ${MAX_GAN_VALUES} values; these are ${height} × ${width} × ${channels} = ${values}, which would take minutes to learn here.`,
          'Halve the resolution, or set "generated examples" to none.',
        ),
      ];
    }
  }
  return [];
}
