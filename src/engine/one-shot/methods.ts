import type { OneShotId, OneShotSettings } from '../../core/one-shot';
import { Darts } from './darts';
import { ONE_STAGE, type MethodPlan, type MethodSetup, type OneShotMethod } from './method';
import { Pdarts, pdartsPlan } from './pdarts';
import { Proxyless } from './proxyless';
import { Enas, Spos } from './sampled';

export function createMethod(setup: MethodSetup): OneShotMethod {
  switch (setup.id) {
    case 'darts':
      return new Darts(setup);
    case 'pdarts':
      return new Pdarts(setup);
    case 'proxyless':
      return new Proxyless(setup);
    case 'spos':
      return new Spos(setup);
    case 'enas':
      return new Enas(setup);
  }
}

/** A method's stages, and whether it ends by ranking paths with the shared weights. */
export function methodPlan(id: OneShotId, settings: OneShotSettings): MethodPlan {
  if (id === 'pdarts') return pdartsPlan(settings);
  return id === 'spos' || id === 'enas' ? { ...ONE_STAGE, ranksPaths: true } : ONE_STAGE;
}

export { OneShotMethod, type ArchView, type EpochResult, type MethodPlan, type MethodSetup, type MethodState, type NextStage, type PathRanking } from './method';
export { Darts } from './darts';
export { Pdarts } from './pdarts';
export { Proxyless } from './proxyless';
export { Enas, Spos } from './sampled';
