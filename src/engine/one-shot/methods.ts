import { Darts } from './darts';
import type { MethodSetup, OneShotMethod } from './method';
import { Proxyless } from './proxyless';
import { Enas, Spos } from './sampled';

export function createMethod(setup: MethodSetup): OneShotMethod {
  switch (setup.id) {
    case 'darts':
    case 'pdarts':
      return new Darts(setup);
    case 'proxyless':
      return new Proxyless(setup);
    case 'spos':
      return new Spos(setup);
    case 'enas':
      return new Enas(setup);
  }
}

export { OneShotMethod, type ArchView, type EpochResult, type MethodSetup, type MethodState } from './method';
export { Darts } from './darts';
export { Proxyless } from './proxyless';
export { Enas, Spos } from './sampled';
