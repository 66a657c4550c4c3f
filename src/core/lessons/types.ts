import { PlaygroundError } from '../errors';
import type { ExperimentInput } from '../schema';

/**
 * A lesson: one idea of the AutoML survey, a prepared experiment that shows it in under a minute,
 * a question to answer before running, and a reveal read off the finished run. Plain data and
 * pure functions, so the page, the tests and the bench share them.
 */

/** What a reveal reads of a trial: the fields of the page's and the engine's trial records it needs. */
export interface LessonTrial {
  index: number;
  encoded: string;
  origin: string;
  /** Validation accuracy, 0..1. */
  accuracy: number;
  reward: number;
  reported?: { label: string; accuracy: number };
  testAccuracy?: number;
  epochs?: number;
  stoppedEarly?: boolean;
  latencyMs?: number;
  params: number;
  seconds: number;
}

/** A finished run, as the page holds it (trials, the returned trial, the start info) or the engine returns it. */
export interface LessonRun {
  trials: readonly LessonTrial[];
  /** The trial the search returns. */
  best: LessonTrial | null;
  spaceSize: number | null;
  split: { train: number; val: number; test?: number } | null;
}

export interface LessonQuestion {
  prompt: string;
  options: readonly string[];
}

/** The answer (an index into the options) as this run gave it, and a sentence putting it beside the result. */
export interface Reveal {
  answer: number;
  text: string;
}

export interface Lesson {
  id: string;
  title: string;
  /** The paper(s) the idea comes from, as they are cited in the text. */
  papers: string;
  /** At most 150 words. */
  text: string;
  /** Only what differs from the defaults, read with `parseExperiment`. */
  experiment: ExperimentInput;
  question: LessonQuestion;
  reveal(run: LessonRun): Reveal;
}

export const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** 0.9312 → "93.1 %". */
export const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** Percentage points between two accuracies: 0.012 → "1.2 points". */
export const points = (d: number): string => `${(d * 100).toFixed(1)} point${Math.abs(d * 100 - 1) < 0.05 ? '' : 's'}`;

/** The index of the first bound a value stays under, or the number of bounds: a value's bin among the options. */
export function bin(value: number, bounds: readonly number[]): number {
  const i = bounds.findIndex((b) => value < b);
  return i === -1 ? bounds.length : i;
}

/** The trial that accuracy alone ranks first; ties go to the earlier. */
export function mostAccurate(trials: readonly LessonTrial[]): LessonTrial | null {
  return trials.reduce<LessonTrial | null>((b, t) => (b === null || t.accuracy > b.accuracy ? t : b), null);
}

/** The run's trials, when there are enough to read an answer off; a run stopped early may have too few. */
export function needTrials(run: LessonRun, least = 1): readonly LessonTrial[] {
  if (run.trials.length < least) {
    throw new PlaygroundError(
      'invalid-config',
      `This lesson reads its answer off at least ${least} trial${least === 1 ? '' : 's'}; the run has ${run.trials.length}.`,
      "Run the lesson's experiment to its end (press Run again), then the answer appears.",
    );
  }
  return run.trials;
}

export const defineLesson = (lesson: Lesson): Lesson => lesson;
