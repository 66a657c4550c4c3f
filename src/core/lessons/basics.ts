import { createSpace } from '../space/index';
import { bin, defineLesson, mean, mostAccurate, needTrials, pct, points } from './types';

/** The NAS-Bench-201 table on CIFAR-10: every query is a lookup, so 50 of them take milliseconds. */
export const TABLE = { dataset: 'cifar10', space: 'nb201', evaluator: 'nb201' } as const;

/** The best 200-epoch CIFAR-10 test accuracy in NAS-Bench-201, as Dong & Yang (2020) report it. */
export const NB201_CIFAR10_BEST = 0.9437;

const count = (n: number): string => n.toLocaleString('en-US');

export const searchSpace = defineLesson({
  id: 'search-space',
  title: 'What a search space is, and how big it gets',
  papers: 'Zoph & Le 2017; Zoph et al. 2018; Dong & Yang 2020',
  text:
    'A search space is every network a search may propose. Zoph & Le (2017) searched chains: each layer picks its op, kernel, width and ' +
    'which earlier layers it reads, so choices multiply layer by layer. Zoph et al. (2018) searched one small cell and stacked copies of ' +
    'it, which made the space smaller and the result transferable. NAS-Bench-201 (Dong & Yang 2020) is a cell of 4 nodes: each of its 6 ' +
    'edges carries one of 5 ops (none, skip, 1×1 conv, 3×3 conv, 3×3 average pooling), and every cell was trained in advance, so a query ' +
    'is a lookup. This lesson draws 30 cells at random from it and looks them up.',
  experiment: { ...TABLE, strategy: 'random', budget: 30, seed: 1 },
  question: {
    prompt: 'How many different cells does the NAS-Bench-201 space hold?',
    options: ['about 30', 'about 1 000', 'about 15 000'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const size = run.spaceSize ?? NaN;
    // Bins split halfway on a log scale between the options.
    const answer = bin(size, [170, 3_900]);
    const chain = createSpace('chain').size();
    const distinct = new Set(trials.map((t) => t.encoded)).size;
    const best = mostAccurate(trials)!;
    return {
      answer,
      text:
        `5 ops on 6 edges give ${count(size)} cells. Your ${trials.length} queries saw ${distinct} of them (${((distinct / size) * 100).toFixed(2)} %), ` +
        `and the best scored ${pct(best.accuracy)} after 12 epochs. The playground's 4-layer chain already holds ${count(chain)} networks.`,
    };
  },
});

export const randomSearch = defineLesson({
  id: 'random',
  title: 'Random search, the baseline',
  papers: 'Bergstra & Bengio 2012; Li & Talwalkar 2019',
  text:
    'Before trusting a clever search, compare it with drawing networks at random. Bergstra & Bengio (2012) showed random search beats a grid ' +
    'when only a few choices matter, and Li & Talwalkar (2019) found random search with early stopping as good as several NAS methods of ' +
    'its day. Random search learns nothing from what it has seen: each of these 50 cells is a fresh draw from NAS-Bench-201. The search ' +
    'keeps the cell with the best 12-epoch validation accuracy; the table also holds its 200-epoch test accuracy, which the search never ' +
    'sees. The best cell in the table scores 94.37 % (Dong & Yang 2020).',
  experiment: { ...TABLE, strategy: 'random', budget: 50, seed: 3 },
  question: {
    prompt: "After 50 random queries, how far will the returned cell's test accuracy be from the best cell's 94.37 %?",
    options: ['less than 1 point', '1 to 3 points', 'more than 3 points'],
  },
  reveal(run) {
    const trials = needTrials(run);
    const best = run.best ?? mostAccurate(trials)!;
    const test = best.reported?.accuracy ?? best.accuracy;
    const gap = NB201_CIFAR10_BEST - test;
    const bad = trials.filter((t) => t.accuracy < 0.5).length;
    return {
      answer: bin(gap, [0.01, 0.03]),
      text:
        `The returned cell (trial ${best.index + 1}) tests at ${pct(test)}, ${points(gap)} below the best. ` +
        `${bad} of the ${trials.length} cells scored under 50 % — a random draw often cuts the path from input to output.`,
    };
  },
});

export const evolution = defineLesson({
  id: 'evolution',
  title: 'Evolution: population, tournament, mutation, ageing',
  papers: 'Real et al. 2019',
  text:
    'Regularised (ageing) evolution (Real et al. 2019) keeps a population of the last P networks. It starts with P random ones; then, ' +
    'again and again, it samples S of the population (the tournament), copies the best of them, mutates one decision of the copy, ' +
    'evaluates the child and adds it, while the oldest member leaves. Ageing out the oldest rather than the worst keeps the search from ' +
    'clinging to a lucky early network. Here P = 10, S = 3, and 50 queries of NAS-Bench-201; the first 10 cells are random.',
  experiment: { ...TABLE, strategy: 'evolution', strategySettings: { evolution: { population: 10, sample: 3 } }, budget: 50, seed: 2 },
  question: {
    prompt: 'How will the 40 mutated children score on average, compared with the 10 random cells that started the population?',
    options: ['higher by more than 2 points', 'about the same (within 2 points)', 'lower by more than 2 points'],
  },
  reveal(run) {
    const trials = needTrials(run, 11);
    const start = mean(trials.slice(0, 10).map((t) => t.accuracy));
    const children = mean(trials.slice(10).map((t) => t.accuracy));
    const d = children - start;
    return {
      answer: d > 0.02 ? 0 : d < -0.02 ? 2 : 1,
      text:
        `The random start averaged ${pct(start)}, the children ${pct(children)} (${d >= 0 ? '+' : '−'}${points(Math.abs(d))}): ` +
        `mutating the winner of a tournament keeps what works and rarely breaks the path through the cell.`,
    };
  },
});

export const reinforce = defineLesson({
  id: 'reinforce',
  title: 'A reinforcement-learning controller',
  papers: 'Zoph & Le 2017; Pham et al. 2018',
  text:
    'Zoph & Le (2017) let a controller write networks: for each decision it holds a probability per option, samples a network, and after ' +
    "the network's accuracy comes back (the reward), REINFORCE raises the probability of the options it chose when the reward beat a " +
    'running baseline, and lowers them otherwise. Their controller was an LSTM and trained 12 800 networks; ENAS (Pham et al. 2018) kept ' +
    'the controller and shared weights to make it cheap. Here a controller with one categorical per decision samples 100 cells of ' +
    'NAS-Bench-201.',
  experiment: { ...TABLE, strategy: 'reinforce', budget: 100, seed: 4 },
  question: {
    prompt: "How will the controller's last 20 cells score on average, compared with its first 20?",
    options: ['higher by more than 2 points', 'about the same (within 2 points)', 'lower by more than 2 points'],
  },
  reveal(run) {
    const trials = needTrials(run, 40);
    const first = mean(trials.slice(0, 20).map((t) => t.accuracy));
    const last = mean(trials.slice(-20).map((t) => t.accuracy));
    const d = last - first;
    return {
      answer: d > 0.02 ? 0 : d < -0.02 ? 2 : 1,
      text:
        `The first 20 averaged ${pct(first)}, the last 20 ${pct(last)}: as the policy sharpens it samples fewer cells that cut the path, ` +
        `though a controller learns slowly — Zoph & Le needed thousands of samples.`,
    };
  },
});
