import { bin, defineLesson, mean, mostAccurate, needTrials, pct } from './types';

const ms = (x: number | undefined): string => (x === undefined ? 'unmeasured' : `${x.toFixed(3)} ms`);

export const latency = defineLesson({
  id: 'latency',
  title: 'Multi-objective search: accuracy and latency on this device',
  papers: 'Tan et al. 2019',
  text:
    "A network for a phone must be fast as well as accurate. MnasNet (Tan et al. 2019) measured each candidate's latency on a real phone " +
    'and rewarded ACC × (LAT / T)^w: with a target T and w < 0, a network slower than T loses reward, a faster one gains a little. Here ' +
    'every chain trained on UCI digits has its forward pass timed on this device, and the search maximises that reward with T = 0.1 ms ' +
    'and w = −0.3, a strong pull towards speed. The Pareto chart shows which networks no other beats on both.',
  experiment: {
    dataset: 'digits',
    data: { maxExamples: 600 },
    space: 'chain',
    strategy: 'random',
    budget: 12,
    training: { epochs: 2 },
    objective: { kind: 'mnas', cost: 'latency', target: 0.1, weight: -0.3 },
    seed: 11,
  },
  question: {
    prompt: 'Will the network with the best reward also be the most accurate one?',
    options: ['yes, the same network', 'no, a faster and less accurate one'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const byReward = trials.reduce((b, t) => (t.reward > b.reward ? t : b));
    const byAccuracy = mostAccurate(trials)!;
    const same = byReward.index === byAccuracy.index;
    return {
      answer: same ? 0 : 1,
      text: same
        ? `Trial ${byReward.index + 1} is both: ${pct(byReward.accuracy)} at ${ms(byReward.latencyMs)} — on this device the most accurate chain was also fast enough.`
        : `The best reward is trial ${byReward.index + 1}: ${pct(byReward.accuracy)} at ${ms(byReward.latencyMs)}; the most accurate, trial ${byAccuracy.index + 1}, ` +
          `scores ${pct(byAccuracy.accuracy)} but takes ${ms(byAccuracy.latencyMs)}.`,
    };
  },
});

export const dataPreparation = defineLesson({
  id: 'data-preparation',
  title: 'Data preparation and augmentation',
  papers: 'He, Zhao & Chu 2019; Cubuk et al. 2019',
  text:
    'The AutoML pipeline (He, Zhao & Chu 2019) starts before any network: collect and clean the data, split it, and augment it. A search ' +
    'must never pick networks by the examples that finally judge them, so the data is split three ways: training, validation (which the ' +
    'search maximises) and a held-out test split (which reports the returned network). Augmentation — small rotations, shifts, noise — ' +
    'shows the network new versions of the training images every epoch, which helps most when data is scarce; AutoAugment (Cubuk et al. ' +
    '2019) even searched the augmentation policy. Here 6 chains train on all 1 797 UCI digits with 20 % validation, 20 % test, and augmentation on.',
  experiment: {
    dataset: 'digits',
    data: { validationFraction: 0.2, testFraction: 0.2, augment: { crop: 1, rotate: 10, noise: 0.1 } },
    space: 'chain',
    strategy: 'random',
    budget: 6,
    training: { epochs: 3 },
    seed: 12,
  },
  question: {
    prompt: 'How many of the 1 797 images does each training epoch use?',
    options: ['about 1 080 (what is left after validation and test)', 'all 1 797', 'about 3 600 (each image, and an augmented copy)'],
  },
  reveal(run) {
    needTrials(run);
    const split = run.split ?? { train: NaN, val: NaN };
    const best = run.best ?? mostAccurate(run.trials)!;
    const test = best.testAccuracy === undefined ? '' : `, and ${pct(best.testAccuracy)} on the ${split.test ?? 0} test images it was never chosen by`;
    return {
      answer: bin(split.train, [1_440, 2_700]),
      text:
        `${split.train} images trained, ${split.val} validated the search; augmentation changes their pixels, not their number. ` +
        `The returned chain scored ${pct(best.accuracy)} on validation${test}.`,
    };
  },
});

export const hyperband = defineLesson({
  id: 'hyperband',
  title: 'Hyperparameters too: Hyperband and BOHB',
  papers: 'Li et al. 2017; Falkner et al. 2018',
  text:
    'Architecture is not all: learning rate, batch size and weight decay matter as much, so this search picks them with the chain. ' +
    'Hyperband (Li et al. 2017) spends a budget of epochs in brackets of successive halving: start many configurations on 1 epoch, keep ' +
    'the best third for 3 epochs, the best of those for 9. Each bracket trades how many it tries against how long it trains them. BOHB ' +
    '(Falkner et al. 2018) draws the new configurations from a TPE model instead of at random. Here Hyperband with η = 3 and at most 9 ' +
    'epochs searches chains and their training settings on UCI digits.',
  experiment: {
    dataset: 'digits',
    data: { maxExamples: 500 },
    space: 'chain',
    strategy: 'hyperband',
    strategySettings: { hyperband: { eta: 3 } },
    hpo: { enabled: true },
    budget: 22,
    training: { epochs: 9 },
    seed: 13,
  },
  question: {
    prompt: 'Of all the configurations Hyperband tries, what share ever trains for the full 9 epochs?',
    options: ['under a third', 'about half', 'most of them'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const most = Math.max(...trials.map((t) => t.epochs ?? 0));
    const full = trials.filter((t) => t.epochs === most);
    const configs = new Set(trials.map((t) => t.encoded)).size;
    const share = full.length / configs;
    return {
      answer: bin(share, [0.34, 0.67]),
      text:
        `${full.length} of ${configs} configurations reached ${most} epochs (${trials.length} trials in all, ${trials.reduce((s, t) => s + (t.epochs ?? 0), 0)} epochs); ` +
        `the best scored ${pct(mostAccurate(full)?.accuracy ?? NaN)}, the ones stopped after 1 epoch ${pct(mean(trials.filter((t) => t.epochs === 1).map((t) => t.accuracy)))} on average.`,
    };
  },
});
