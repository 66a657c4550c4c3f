import { PlaygroundError } from '../errors';
import { parseExperiment, type Experiment } from '../experiment';
import { evolution, randomSearch, reinforce, searchSpace } from './basics';
import { cheaperEvaluation, darts, weightSharing } from './evaluation';
import { dataPreparation, hyperband, latency } from './goals';
import { bananas, pnas, tpe } from './models';
import type { Lesson } from './types';

/** The lessons in teaching order: the space, the baseline, the strategies, cheaper evaluation, weight sharing, goals, data, HPO. */
export const LESSONS: readonly Lesson[] = [
  searchSpace,
  randomSearch,
  evolution,
  reinforce,
  tpe,
  bananas,
  pnas,
  cheaperEvaluation,
  weightSharing,
  darts,
  latency,
  dataPreparation,
  hyperband,
];

export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** A lesson named by a link; an unknown name says which ones exist. */
export function lessonOrError(id: string): Lesson {
  const lesson = lessonById(id);
  if (!lesson) {
    throw new PlaygroundError(
      'invalid-link',
      `There is no lesson "${id.slice(0, 60)}".`,
      `The lessons are: ${LESSON_IDS.join(', ')}. Open one from the Learn list, or fix the name after #lesson=.`,
    );
  }
  return lesson;
}

/** The lesson's prepared experiment, every default filled in and every rule checked. */
export function lessonExperiment(lesson: Lesson): Experiment {
  return parseExperiment(lesson.experiment);
}

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export type { Lesson, LessonQuestion, LessonRun, LessonTrial, Reveal } from './types';
