import { NB201_OP_TABLE } from '../ops/nb201';
import { bin, defineLesson, mean, needTrials, pct } from './types';

export const cheaperEvaluation = defineLesson({
  id: 'cheaper-evaluation',
  title: 'Cheaper evaluation: fewer epochs, early stopping, surrogates, tables',
  papers: 'Golovin et al. 2017; Dong & Yang 2020',
  text:
    'Training every candidate to the end is what makes NAS expensive. The cheaper ways: train for fewer epochs or on less data (low ' +
    'fidelity), stop a trial whose curve falls behind (the median stopping rule of Google Vizier, Golovin et al. 2017: end a trial whose ' +
    'accuracy after an epoch is below the median of earlier trials at that epoch), predict accuracy with a surrogate model, or look it ' +
    'up in a table trained once for everyone (NAS-Bench-201, Dong & Yang 2020 — the other lessons use it). This one trains 12 chains on ' +
    'UCI digits for up to 4 epochs with the median rule on.',
  experiment: {
    dataset: 'digits',
    data: { maxExamples: 600 },
    space: 'chain',
    strategy: 'random',
    budget: 12,
    training: { epochs: 4, earlyStopping: true },
    seed: 8,
  },
  question: {
    prompt: 'How many of the 12 trials will the median rule stop before their 4th epoch?',
    options: ['none or one', '2 to 5', '6 or more'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const stopped = trials.filter((t) => t.stoppedEarly);
    const full = trials.filter((t) => !t.stoppedEarly);
    const epochs = trials.reduce((s, t) => s + (t.epochs ?? 0), 0);
    const most = trials.length * Math.max(...trials.map((t) => t.epochs ?? 0));
    return {
      answer: bin(stopped.length, [2, 6]),
      text:
        `${stopped.length} of ${trials.length} were stopped (they averaged ${pct(mean(stopped.map((t) => t.accuracy)))}, the others ${pct(mean(full.map((t) => t.accuracy)))}); ` +
        `the search trained ${epochs} epochs of the ${most} it would have without the rule.`,
    };
  },
});

export const weightSharing = defineLesson({
  id: 'weight-sharing',
  title: 'Weight sharing: one supernet, SPOS',
  papers: 'Pham et al. 2018; Guo et al. 2020',
  text:
    'ENAS (Pham et al. 2018) noticed that the candidates of a space overlap: build one supernet holding every op of every edge, and each ' +
    'candidate is a path through it that reuses its weights. Single-Path One-Shot (Guo et al. 2020) trains the supernet by sampling one ' +
    'random path per batch, then searches over paths with evolution, scoring each with the inherited weights instead of training it. ' +
    'Here a NAS-Bench-201 supernet trains for 3 epochs on UCI digits, evolution scores 20 paths, and the winner is trained from scratch ' +
    'at the end to compare.',
  experiment: {
    dataset: 'digits',
    data: { maxExamples: 600 },
    space: 'nb201',
    strategy: 'spos',
    budget: 20,
    strategySettings: { oneShot: { epochs: 3, retrain: true } },
    training: { epochs: 3 },
    seed: 9,
  },
  question: {
    prompt: 'How much faster is scoring a path with inherited weights than training that network from scratch?',
    options: ['about as fast', '2 to 10 times faster', 'more than 10 times faster'],
  },
  reveal(run) {
    const trials = needTrials(run, 2);
    const retrained = trials.find((t) => t.origin.includes('trained from scratch')) ?? trials[trials.length - 1]!;
    const scored = trials.filter((t) => t.origin.includes('over paths'));
    const each = mean(scored.map((t) => t.seconds));
    const ratio = retrained.seconds / each;
    const inherited = scored.filter((t) => t.encoded === retrained.encoded).map((t) => t.accuracy);
    const beside = inherited.length ? `with inherited weights it scored ${pct(mean(inherited))}, ` : '';
    return {
      answer: bin(ratio, [2, 10]),
      text:
        `Scoring took ${(each * 1000).toFixed(0)} ms a path, training the winner ${retrained.seconds.toFixed(1)} s (${ratio.toFixed(0)}×); ` +
        `${beside}trained alone ${pct(retrained.accuracy)}.`,
    };
  },
});

const PARAMETER_FREE = new Set(Object.entries(NB201_OP_TABLE).flatMap(([id, op]) => (op.parameterFree ? [id] : [])));

/** The ops of an encoded NAS-Bench-201 cell, edge by edge: "|nor_conv_3x3~0|+|skip_connect~0|none~1|…". */
export const cellOps = (encoded: string): string[] => [...encoded.matchAll(/([a-z0-9_]+)~\d+/g)].map((m) => m[1]!);

export const darts = defineLesson({
  id: 'darts',
  title: 'DARTS, and its collapse',
  papers: 'Liu et al. 2019',
  text:
    'DARTS (Liu et al. 2019) makes the choice continuous: every edge of the supernet outputs a softmax-weighted sum of all its ops, with ' +
    "one weight α per op, and α is learned by gradient descent on the validation loss while the ops' weights learn on the training loss. " +
    'At the end each edge keeps its op of largest α. Later work found DARTS drifting to ops without weights — skip connections, pooling — ' +
    'because they help the mixed supernet train fast, not because the final network needs them. Here DARTS searches NAS-Bench-201 cells ' +
    'on UCI digits for 4 epochs; each epoch derives a cell.',
  experiment: {
    dataset: 'digits',
    data: { maxExamples: 400 },
    space: 'nb201',
    strategy: 'darts',
    strategySettings: { oneShot: { epochs: 4, archLearningRate: 0.05 } },
    seed: 10,
  },
  question: {
    prompt: 'Which ops will the last derived cell hold mostly?',
    options: ['convolutions (ops with weights)', 'an even mix', 'skip, pooling or none (ops without weights)'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const last = trials[trials.length - 1]!;
    const ops = cellOps(last.encoded);
    const free = ops.filter((op) => PARAMETER_FREE.has(op)).length;
    const first = cellOps(trials[0]!.encoded).filter((op) => PARAMETER_FREE.has(op)).length;
    return {
      answer: free * 2 < ops.length ? 0 : free * 2 === ops.length ? 1 : 2,
      text:
        `The last cell has ${free} of its ${ops.length} edges on ops without weights (after the first epoch: ${first}); it scores ${pct(last.accuracy)}. ` +
        'The α heat map shows the drift epoch by epoch.',
    };
  },
});
