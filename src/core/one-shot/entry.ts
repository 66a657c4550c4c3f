import type { Described, MethodTraits } from '../problems';
import type { OneShotField } from './settings';

/**
 * One weight-sharing method as the page, the CLI and the rules see it: title, blurb, traits, and
 * which of the shared settings it reads. Its training code is in src/engine/one-shot/.
 */
export interface OneShotEntry<Id extends string = string> extends Described<Id>, MethodTraits {
  kind: 'one-shot';
  /** Shared settings it reads besides epochs, recalibration and retraining, in the order the page shows them. */
  uses: readonly OneShotField[];
  /** Its own names for shared settings ("Epochs / stage"). */
  labels?: Partial<Record<OneShotField, string>>;
  /** Computes one path per edge in each weight step, so a step holds the activations of one network (no mixed ops). */
  onePath: boolean;
  /** How it samples the paths it ranks: uniformly (SPOS) or from a trained controller (ENAS). */
  sampler?: 'uniform' | 'controller';
}

type OneShotTraits = Partial<Omit<MethodTraits, 'kind' | 'name' | 'hasSupernet'>> & { name: string };

export function defineOneShot<const Id extends string>(entry: Omit<OneShotEntry<Id>, 'kind' | keyof MethodTraits> & OneShotTraits): OneShotEntry<Id> {
  return { multiFidelity: false, ranksPaths: false, readsAlpha: false, ...entry, hasSupernet: true, kind: 'one-shot' };
}
