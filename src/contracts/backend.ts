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
  /** "Automatic" timed the experiment's own network on each backend that runs in hardware here; fastest first. */
  measured?: BackendTiming[];
  /** True when those timings were taken earlier on this device for the same network and batch. */
  cached?: boolean;
}

/** One backend's time for a training step of the experiment's own network, measured on this device. */
export interface BackendTiming {
  name: BackendName;
  /** Milliseconds a training step took; null when it was not timed (`note` says why). */
  msPerStep: number | null;
  note: string;
}

/** The worker's tensor memory, for the supernet panel. */
export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
}
