import { PlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';

const GENERATORS = ['none', 'gan'] as const;

function usageError(message: string): PlaygroundError {
  return new PlaygroundError('invalid-config', message, 'Run with --help to see the options.');
}

/** `--synthetic gan` and `--synthetic-amount X` over the experiment's synthetic-data settings. */
export function syntheticFlags(
  base: Experiment['data']['synthetic'],
  generate: string | undefined,
  amount: string | undefined,
): Experiment['data']['synthetic'] {
  if (generate !== undefined && !(GENERATORS as readonly string[]).includes(generate))
    throw usageError(`--synthetic must be one of ${GENERATORS.join(', ')}; got "${generate}".`);
  let times = base.amount;
  if (amount !== undefined) {
    times = Number(amount);
    if (amount.trim() === '' || !Number.isFinite(times) || times < 0.1 || times > 4)
      throw usageError(`--synthetic-amount must be a number from 0.1 to 4 (a multiple of the training split); got "${amount}".`);
  }
  return { ...base, ...(generate !== undefined ? { generate: generate as (typeof GENERATORS)[number] } : {}), amount: times };
}

export const SYNTHETIC_USAGE = `  --synthetic none|gan    add generated examples to the training split: a class-conditional
                          GAN for images, a Gaussian mixture per class for tables [none]
  --synthetic-amount X    how many, as a multiple of the training split, 0.1..4 [1]`;
