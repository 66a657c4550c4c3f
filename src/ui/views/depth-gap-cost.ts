import { CellSpace, type CellGenotype, type CellSettings } from '../../core/space/cell';
import type { Cost } from '../../core/space/types';

/** The best cell's network as searched and as DARTS evaluates it (20 cells of 36 channels), on 32 × 32 × 3 images. */
export interface DepthGapCosts {
  search: Cost;
  evaluation: Cost;
}

const INPUT = { height: 32, width: 32, channels: 3 };
const CLASSES = 10;

/**
 * Costs remembered by genotype and settings: the panel's reactive flush re-derives them whenever
 * the run's state changes, and in the page (a settings proxy, a cold function) one pair took tens
 * of milliseconds of the task that drew a DARTS epoch.
 */
const cache = new Map<string, DepthGapCosts>();
const KEEP = 16;

export function depthGapCosts(genotype: CellGenotype, settings: CellSettings): DepthGapCosts {
  const key = JSON.stringify([genotype.normal, genotype.reduce, settings]);
  const known = cache.get(key);
  if (known) return known;
  const costs = {
    search: new CellSpace({ ...settings }).cost(genotype, INPUT, CLASSES),
    evaluation: new CellSpace({ ...settings, cellsPerStage: 6, channels: 36 }).cost(genotype, INPUT, CLASSES),
  };
  cache.set(key, costs);
  // The oldest goes first when full (a run's epochs bring a new cell each).
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return costs;
}
