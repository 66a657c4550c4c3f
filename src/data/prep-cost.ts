import { PlaygroundError } from '../core/errors';
import type { FeatureSettings } from './features';

/**
 * The price of feature engineering, known before any of it runs: a link of a hundred characters
 * (polynomial features of a 30-column table, then 1 000 principal components) used to keep the
 * worker busy for two minutes while Start and Stop waited behind it.
 */

/** Columns feature construction may produce: the networks' input width, and the memory of the table. */
export const MAX_ENGINEERED_COLUMNS = 4096;
/** Arithmetic steps preparation may take: a few seconds of JavaScript on a laptop. */
export const MAX_PREP_STEPS = 2e9;
/** Power-iteration steps per principal component (see features.ts). */
const PCA_ITERATIONS = 200;

export interface FeatureCost {
  /** Columns after construction (before selection and PCA). */
  constructed: number;
  /** Columns the model sees. */
  columns: number;
  steps: number;
  /** The largest number of principal components that fits the budget, when PCA is what is too dear. */
  pcaWithin: number | null;
}

export function featureCost(rows: number, columns: number, settings: FeatureSettings): FeatureCost {
  let steps = 0;
  let d = columns;
  if (settings.construct === 'polynomial') d = columns + (columns * (columns + 1)) / 2;
  else if (settings.construct === 'binning') d = columns * settings.bins;
  const constructed = d;
  if (settings.construct === 'binning') steps += rows * columns * (Math.log2(Math.max(rows, 2)) + settings.bins);
  if (settings.construct !== 'none') steps += rows * d;
  if (settings.select !== 'none' && settings.keep < d) {
    steps += rows * d * (settings.select === 'mutual-info' ? 8 + Math.log2(Math.max(rows, 2)) : 2);
    d = settings.keep;
  }
  let pcaWithin: number | null = null;
  if (settings.pca > 0) {
    const k = Math.min(settings.pca, d);
    const fixed = (rows * d * d) / 2;
    const perComponent = PCA_ITERATIONS * d * d + rows * d;
    steps += fixed + k * perComponent;
    pcaWithin = Math.max(0, Math.floor((MAX_PREP_STEPS - (steps - fixed - k * perComponent) - fixed) / perComponent));
    d = k;
  }
  return { constructed, columns: d, steps, pcaWithin };
}

/** Arithmetic steps per second of JavaScript on a laptop core, measured on this code (PCA, ~3e8). */
const STEPS_PER_SECOND = 3e8;

function duration(steps: number): string {
  const seconds = steps / STEPS_PER_SECOND;
  return seconds >= 90 ? `about ${Math.round(seconds / 60)} minutes` : `about ${Math.max(1, Math.round(seconds))} s`;
}

const words = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} billion` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : String(Math.round(n)));

/** Refuses feature engineering that cannot finish in a few seconds, with the estimate and what to change. */
export function checkFeatureCost(rows: number, columns: number, settings: FeatureSettings): FeatureCost {
  const cost = featureCost(rows, columns, settings);
  if (cost.constructed > MAX_ENGINEERED_COLUMNS) {
    const what =
      settings.construct === 'polynomial'
        ? `Polynomial features of ${columns} columns make ${words(cost.constructed)} columns`
        : `Binning ${columns} columns into ${settings.bins} bins makes ${words(cost.constructed)} columns`;
    throw new PlaygroundError(
      'invalid-config',
      `${what}; the playground takes at most ${MAX_ENGINEERED_COLUMNS}.`,
      settings.construct === 'polynomial'
        ? `Select fewer columns first, or use binning; polynomial features suit tables of up to ${Math.floor(Math.sqrt(2 * MAX_ENGINEERED_COLUMNS)) - 1} columns.`
        : 'Use fewer bins.',
    );
  }
  if (cost.steps > MAX_PREP_STEPS) {
    const advice =
      cost.pcaWithin !== null && cost.pcaWithin >= 1
        ? `Ask for at most ${cost.pcaWithin} principal components, or keep fewer columns before PCA.`
        : 'Keep fewer columns, ask for fewer principal components, or use fewer examples ("Examples used").';
    throw new PlaygroundError(
      'invalid-config',
      `This feature engineering would take about ${words(cost.steps)} arithmetic steps on ${rows} rows (${duration(cost.steps)} on a laptop, while Start and Stop wait); the playground allows ${words(MAX_PREP_STEPS)}.`,
      advice,
    );
  }
  return cost;
}

/** Steps of the data panel's softmax-regression baseline (300 full-batch iterations on at most 2 000 rows). */
export function baselineSteps(rows: number, columns: number, classes: number): number {
  return 300 * Math.min(rows, 2000) * columns * classes;
}
