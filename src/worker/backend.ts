import type { BackendName, BackendReport, BackendTiming } from '../contracts/backend';
import type { BackendPreference, Experiment } from '../core/experiment';
import { evaluatorEntry } from '../core/evaluator/index';
import { raceBackends, raceKey } from '../engine/backend-race';
import type { NetworkAccess } from '../data/image-sets';
import type { AssetReader } from '../data/types';
import { browserStore, type KeyValueStore } from '../data/browser-store';
import { chooseBackend, probeBackends, type BackendRace } from '../nn/backend-browser';

/** What racing the backends reads: a small table's rows (image sets are raced on random examples; a user's file is not raced). */
export interface RaceDeps {
  readAsset: AssetReader;
  net?: NetworkAccess;
}

/**
 * The backend the worker trains on: chosen for a preference and kept, replaced when a GPU fails
 * mid-search. "Automatic" is chosen by timing the experiment's own network on each backend, once
 * per device, network and batch: the timings are kept in IndexedDB (a lost store only costs a
 * second race).
 */
export class WorkerBackend {
  private report: BackendReport | null = null;
  private readonly timings = new Map<string, BackendTiming[]>();
  private store: KeyValueStore | null = null;
  /** What the device offers, probed once: it is part of every timing's key. */
  private device: Promise<string> | null = null;

  constructor(private readonly deps?: RaceDeps) {}

  async prepare(preference: BackendPreference, experiment?: Experiment): Promise<BackendReport> {
    const race = experiment && preference === 'auto' && !evaluatorEntry(experiment.evaluator).table ? await this.raceFor(experiment) : undefined;
    this.report = await chooseBackend(preference, race);
    return this.report;
  }

  /** The backend for an experiment: a table lookup runs no model, so it needs none (and survives a lost GPU). */
  async forExperiment(x: Experiment): Promise<string> {
    if (x.evaluator !== 'nb201') await this.prepare(x.backend, x);
    return this.report?.chosen ?? 'none';
  }

  /** WASM in place of a GPU that failed; `reason` is what the page shows beside the backend's name. */
  async fallBack(reason: string): Promise<BackendReport> {
    // A lost GPU changes what the device offers: probe it afresh next time.
    this.device = null;
    this.report = { ...(await chooseBackend('wasm')), fallback: true, reason };
    return this.report;
  }

  private async raceFor(x: Experiment): Promise<BackendRace | undefined> {
    const deps = this.deps;
    if (!deps) return undefined;
    // The device is part of the key: the same browser profile on another GPU (or none) times differently.
    this.device ??= probeBackends().then((found) => found.map((p) => `${p.name}:${p.available}:${p.detail}`).join('|'));
    const device = await this.device;
    const key = `${device}|${raceKey(x)}`;
    return {
      key,
      race: async (names: BackendName[], use) => {
        const known = this.timings.get(key) ?? (await this.stored(key));
        if (known && names.every((n) => known.some((t) => t.name === n))) {
          this.timings.set(key, known);
          return { rows: known, cached: true };
        }
        let rows: BackendTiming[];
        try {
          rows = await raceBackends(x, names, use, deps);
        } catch {
          // The data could not be prepared: the run will say why; the choice falls back to the fixed order.
          return { rows: [], cached: false };
        }
        this.timings.set(key, rows);
        void this.keep(key, rows);
        return { rows, cached: false };
      },
    };
  }

  private async stored(key: string): Promise<BackendTiming[] | undefined> {
    try {
      this.store ??= browserStore('nas-playground-backends', 'timings');
      return await this.store.get<BackendTiming[]>(key);
    } catch {
      return undefined;
    }
  }

  private async keep(key: string, rows: BackendTiming[]): Promise<void> {
    try {
      this.store ??= browserStore('nas-playground-backends', 'timings');
      await this.store.set(key, rows);
    } catch {
      // Storage blocked or full: the next visit races again.
    }
  }
}
