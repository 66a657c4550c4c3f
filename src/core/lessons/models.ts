import { TABLE } from './basics';
import { bin, defineLesson, mean, needTrials, pct } from './types';

export const tpe = defineLesson({
  id: 'tpe',
  title: 'Bayesian optimisation with TPE',
  papers: 'Bergstra et al. 2011',
  text:
    'Bayesian optimisation fits a model of "which networks score well" to the results so far and lets the model pick the next query. ' +
    'The Tree-structured Parzen Estimator (Bergstra et al. 2011) splits the results into a good group (the top quarter) and the rest, ' +
    'models how often each option of each decision appears in each group, l(x) and g(x), and proposes the candidate with the highest ' +
    'ratio l(x)/g(x). It needs a few results first: here the first 10 of 50 NAS-Bench-201 queries are random.',
  experiment: { ...TABLE, strategy: 'tpe', strategySettings: { tpe: { initial: 10 } }, budget: 50, seed: 5 },
  question: {
    prompt: 'Where will the best of the 50 cells come from?',
    options: ['one of the 10 random start-up cells', 'one of the 40 cells TPE picked by l(x)/g(x)'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const best = run.best ?? trials[0]!;
    const startUp = best.origin.startsWith('random');
    const picked = trials.filter((t) => !t.origin.startsWith('random'));
    return {
      answer: startUp ? 0 : 1,
      text:
        `The best cell is trial ${best.index + 1} (${best.origin}), at ${pct(best.accuracy)}. ` +
        `TPE's own picks averaged ${pct(mean(picked.map((t) => t.accuracy)))} against ${pct(mean(trials.filter((t) => t.origin.startsWith('random')).map((t) => t.accuracy)))} for the random start.`,
    };
  },
});

/** "surrogate pick (predicted 91.2%)" → 0.912: BANANAS names in each pick's origin the Thompson draw that won. */
const DRAW = /predicted (-?\d+(?:\.\d+)?)%/;

export const bananas = defineLesson({
  id: 'bananas',
  title: 'Surrogates: BANANAS predicts before it queries',
  papers: 'White et al. 2021',
  text:
    'BANANAS (White et al. 2021) trains a small ensemble of neural networks on the results so far to predict the accuracy of a cell from ' +
    'its encoding. Each round it takes every one-edge change of the best cells, and a few random cells, as candidates, asks the ensemble about all of them, and queries only the ' +
    "one whose Thompson draw — the ensemble's mean plus its spread times a random number — is highest, so cells the ensemble is unsure of " +
    'get their chance. Here it starts with 10 random NAS-Bench-201 cells and picks 40 more; each pick names its winning draw.',
  experiment: { ...TABLE, strategy: 'bananas', budget: 50, seed: 6 },
  question: {
    prompt: 'How will the 40 cells the ensemble picked score on average, compared with the 10 random ones it started from?',
    options: ['higher by more than 2 points', 'about the same (within 2 points)', 'lower by more than 2 points'],
  },
  reveal(run) {
    const trials = needTrials(run, 11);
    const picks = trials.filter((t) => DRAW.test(t.origin));
    const start = mean(trials.filter((t) => t.origin.startsWith('random')).map((t) => t.accuracy));
    const picked = mean(picks.map((t) => t.accuracy));
    const draws = mean(picks.map((t) => Number(DRAW.exec(t.origin)![1]) / 100));
    const d = picked - start;
    return {
      answer: d > 0.02 ? 0 : d < -0.02 ? 2 : 1,
      text:
        `The random start averaged ${pct(start)}, the ${picks.length} picks ${pct(picked)}. Their winning draws averaged ${pct(draws)}: ` +
        'the highest of many optimistic draws overshoots, which is how Thompson sampling explores.',
    };
  },
});

/** "grown to 2 of 3 blocks" → 2 of 3 (and "grown to 3 of 6 decisions", as PNAS grew before). */
const LEVEL = /grown to (\d+) of (\d+)/;

export const pnas = defineLesson({
  id: 'pnas',
  title: 'Progressive search: PNAS grows cells',
  papers: 'Liu et al. 2018',
  text:
    'Progressive NAS (Liu et al. 2018) searches from simple to complex: it trains cells of one block first, keeps the best K, ' +
    'expands each by every way to add one more block, and lets a surrogate rank all the expansions so that only the top K are trained. ' +
    'Size by size the cells grow to B blocks. In NAS-Bench-201 a block is a node with its incoming edges: a cell of one block is one ' +
    'operation whose output skips straight to the cell output. Here K = 8, B = 3 and 50 queries.',
  experiment: { ...TABLE, strategy: 'pnas', strategySettings: { pnas: { beam: 8, growth: 'blocks' } }, budget: 50, seed: 7 },
  question: {
    prompt: 'How will the smallest cells (one block: a single operation) score, compared with the complete ones (all 3 blocks)?',
    options: ['about chance (10 %)', 'roughly half as well', 'nearly as well'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const levelOf = (origin: string) => {
      const m = LEVEL.exec(origin);
      return m ? { level: Number(m[1]), of: Number(m[2]) } : null;
    };
    const small = trials.filter((t) => levelOf(t.origin)?.level === 1).map((t) => t.accuracy);
    const full = trials.filter((t) => {
      const l = levelOf(t.origin);
      return l !== null && l.level === l.of;
    });
    const smallMean = mean(small);
    const fullMean = mean(full.map((t) => t.accuracy));
    return {
      answer: bin(smallMean / fullMean, [0.3, 0.8]),
      text:
        `The ${small.length} smallest cells averaged ${pct(smallMean)}, the ${full.length} complete ones ${pct(fullMean)}: ` +
        'early sizes rank which first blocks to keep, not how good a finished cell is.',
    };
  },
});
