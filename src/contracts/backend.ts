import type { BackendPreference } from '../core/experiment';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** A software adapter or renderer (SwiftShader): it works, but slower than WASM. */
  software: boolean;
  detail: string;
}

export interface BackendReport {
  found: BackendProbe[];
  chosen: BackendName;
  preference: BackendPreference;
  reason: string;
  /** True when an explicit choice could not be honoured. */
  fallback: boolean;
}

/** The worker's tensor memory, for the supernet panel. */
export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
}
