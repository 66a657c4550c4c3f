import { oneShotEntry, type OneShotId, type OneShotSettings } from '../../core/one-shot';
import { Darts } from './darts';
import { ONE_STAGE, type MethodPlan, type MethodSetup, type OneShotMethod } from './method';
import { Pdarts, pdartsPlan } from './pdarts';
import { Proxyless } from './proxyless';
import { Enas, Spos } from './sampled';

/** One factory per method: a method missing here does not compile. */
const METHODS: Record<OneShotId, new (setup: MethodSetup) => OneShotMethod> = { darts: Darts, pdarts: Pdarts, proxyless: Proxyless, spos: Spos, enas: Enas };

export function createMethod(setup: MethodSetup): OneShotMethod {
  return new METHODS[setup.id](setup);
}

/** A method's stages, and whether it ends by ranking paths with the shared weights (its entry's trait). */
export function methodPlan(id: OneShotId, settings: OneShotSettings): MethodPlan {
  if (id === 'pdarts') return pdartsPlan(settings);
  return oneShotEntry(id).ranksPaths ? { ...ONE_STAGE, ranksPaths: true } : ONE_STAGE;
}

export {
  OneShotMethod,
  type ArchView,
  type EpochResult,
  type MethodPlan,
  type MethodSetup,
  type MethodState,
  type NextStage,
  type PathRanking,
} from './method';
export { Darts } from './darts';
export { Pdarts } from './pdarts';
export { Proxyless } from './proxyless';
export { Enas, Spos } from './sampled';
