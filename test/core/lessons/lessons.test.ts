import { beforeAll, describe, expect, it } from 'vitest';
import type { StartInfo } from '../../../src/contracts/events';
import { isPlaygroundError } from '../../../src/core/errors';
import { parseExperiment } from '../../../src/core/experiment';
import { LESSONS, LESSON_IDS, lessonById, lessonExperiment, lessonOrError, wordCount, type Lesson, type LessonRun } from '../../../src/core/lessons/index';
import { problemsOf } from '../../../src/core/rules';
import { NB201_CIFAR10_BEST } from '../../../src/core/lessons/basics';
import { loadNb201Table } from '../../../src/data/nb201-table';
import { readPublicAsset } from '../../../src/data/node-assets';
import { runSearch } from '../../../src/engine/search';
import { on } from '../../nn/helpers';

/** The survey's ideas the issue asks a lesson for, each by the strategy or setting that shows it. */
const IDEAS: Array<[string, (l: Lesson) => boolean]> = [
  ['search space', (l) => l.experiment.strategy === 'random' && l.question.prompt.includes('cells')],
  ['evolution', (l) => l.experiment.strategy === 'evolution'],
  ['RL controller', (l) => l.experiment.strategy === 'reinforce'],
  ['TPE', (l) => l.experiment.strategy === 'tpe'],
  ['BANANAS', (l) => l.experiment.strategy === 'bananas'],
  ['PNAS', (l) => l.experiment.strategy === 'pnas'],
  ['cheaper evaluation', (l) => l.experiment.training?.earlyStopping === true],
  ['SPOS', (l) => l.experiment.strategy === 'spos'],
  ['DARTS', (l) => l.experiment.strategy === 'darts'],
  ['latency', (l) => l.experiment.objective?.cost === 'latency' && l.experiment.objective.kind === 'mnas'],
  ['augmentation', (l) => Object.keys(l.experiment.data?.augment ?? {}).length > 0],
  ['Hyperband and HPO', (l) => l.experiment.strategy === 'hyperband' && l.experiment.hpo?.enabled === true],
];

describe('lessons as data', () => {
  it('has one lesson per idea of the survey, each id once', () => {
    for (const [idea, shows] of IDEAS) expect(LESSONS.filter(shows).length, idea).toBeGreaterThanOrEqual(1);
    expect(new Set(LESSON_IDS).size).toBe(LESSONS.length);
    for (const id of LESSON_IDS) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: an experiment that runs, a short text naming its papers, a question', (_, lesson) => {
    const x = lessonExperiment(lesson);
    expect(problemsOf(x)).toEqual([]);
    expect(wordCount(lesson.text)).toBeLessThanOrEqual(150);
    for (const paper of lesson.papers.split('; ')) {
      const [authors, year] = [paper.replace(/ \d{4}$/, ''), paper.slice(-4)];
      expect(lesson.text, paper).toContain(authors.split(/[ ,&]/)[0]!);
      expect(lesson.text, paper).toContain(year);
    }
    expect(lesson.question.options.length).toBeGreaterThanOrEqual(2);
  });

  it('quotes the best NAS-Bench-201 CIFAR-10 cell as the shipped table holds it', async () => {
    const table = await loadNb201Table(readPublicAsset);
    expect(table.best('cifar10')).toBeCloseTo(NB201_CIFAR10_BEST, 4);
    expect(lessonById('random')!.text).toContain(`${(NB201_CIFAR10_BEST * 100).toFixed(2)} %`);
  });

  it('finds a lesson by id, and says which exist when the id is unknown', () => {
    expect(lessonById('darts')?.experiment.strategy).toBe('darts');
    const error = (() => {
      try {
        lessonOrError('no-such-lesson');
      } catch (e) {
        return e;
      }
    })();
    expect(isPlaygroundError(error) && error.code).toBe('invalid-link');
    for (const id of LESSON_IDS) expect((error as Error & { hint: string }).hint).toContain(id);
  });
});

/** A trial of a made-up run, for reveals read off chosen numbers. */
const trial = (index: number, encoded: string, accuracy: number, more: Partial<LessonRun['trials'][number]> = {}) => ({
  index,
  encoded,
  origin: 'random',
  accuracy,
  reward: accuracy,
  params: 1,
  seconds: 1,
  ...more,
});

describe('reveals read the run, not a fixed answer', () => {
  it('DARTS: a cell of convolutions, an even one and a collapsed one give the three answers', () => {
    const darts = lessonById('darts')!;
    const cell = (ops: string[]) => `|${ops[0]}~0|+|${ops[1]}~0|${ops[2]}~1|+|${ops[3]}~0|${ops[4]}~1|${ops[5]}~2|`;
    const answer = (ops: string[]) => darts.reveal({ trials: [trial(0, cell(ops), 0.5)], best: null, spaceSize: null, split: null }).answer;
    expect(answer(Array(6).fill('nor_conv_3x3'))).toBe(0);
    expect(answer(['skip_connect', 'none', 'avg_pool_3x3', 'nor_conv_1x1', 'nor_conv_3x3', 'nor_conv_3x3'])).toBe(1);
    expect(answer(['skip_connect', 'skip_connect', 'avg_pool_3x3', 'none', 'skip_connect', 'nor_conv_3x3'])).toBe(2);
  });

  it('search space: the option nearest the size the run reports', () => {
    const lesson = lessonById('search-space')!;
    const trials = [trial(0, 'a', 0.5)];
    expect([30, 1_000, 15_625].map((spaceSize) => lesson.reveal({ trials, best: null, spaceSize, split: null }).answer)).toEqual([0, 1, 2]);
  });

  it('latency: says whether the best reward and the best accuracy are one trial', () => {
    const lesson = lessonById('latency')!;
    const fast = trial(0, 'a', 0.8, { reward: 0.9, latencyMs: 0.05 });
    const slow = trial(1, 'b', 0.9, { reward: 0.7, latencyMs: 0.5 });
    expect(lesson.reveal({ trials: [fast, slow], best: null, spaceSize: null, split: null }).answer).toBe(1);
    expect(lesson.reveal({ trials: [{ ...fast, accuracy: 0.95 }, slow], best: null, spaceSize: null, split: null }).answer).toBe(0);
  });

  it('refuses a run with too few trials with a message a person can act on', () => {
    const error = (() => {
      try {
        lessonById('evolution')!.reveal({ trials: [trial(0, 'a', 0.5)], best: null, spaceSize: null, split: null });
      } catch (e) {
        return e;
      }
    })();
    expect(isPlaygroundError(error) && error.message).toMatch(/at least 11 trials; the run has 1/);
  });
});

/** Trained lessons shrunk to seconds: fewer examples and epochs, the same strategy and question. */
function tiny(lesson: Lesson) {
  const x = lesson.experiment;
  if (x.evaluator === 'nb201') return parseExperiment(x);
  const few = { ...x, data: { ...x.data, maxExamples: 150 }, training: { ...x.training, epochs: x.strategy === 'hyperband' ? 3 : 2 } };
  return parseExperiment({
    ...few,
    budget: Math.min(x.budget ?? 24, x.strategy === 'hyperband' ? 6 : 4),
    strategySettings: { ...x.strategySettings, oneShot: { ...x.strategySettings?.oneShot, epochs: 2 } },
  });
}

describe('every reveal on a real run of its lesson, through the engine in Node', () => {
  beforeAll(() => on('wasm'));

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s', async (_, lesson) => {
    const x = tiny(lesson);
    let info: StartInfo | null = null;
    const result = await runSearch(x, { readAsset: readPublicAsset, backend: x.evaluator === 'nb201' ? 'table' : 'wasm' }, (e) => {
      if (e.type === 'start') info = e.info;
    });
    const started = info as StartInfo | null;
    const reveal = lesson.reveal({ trials: result.trials, best: result.best, spaceSize: started?.spaceSize ?? null, split: started?.dataset ?? null });
    expect(Number.isInteger(reveal.answer)).toBe(true);
    expect(lesson.question.options[reveal.answer]).toBeDefined();
    expect(reveal.text).not.toMatch(/NaN|undefined|Infinity/);
    // The sentence puts the answer beside the result: it quotes a figure of this run.
    expect(reveal.text).toMatch(/\d/);
  });
});
