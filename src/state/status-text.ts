import type { CompareProgress } from '../contracts/compare';
import type { SupernetInfo, StartInfo, TrialRecord } from '../contracts/events';
import { evaluatorEntry } from '../core/evaluator/index';
import type { Experiment } from '../core/experiment';
import { percent } from '../core/format';
import { methodEntry, sharesWeights } from '../core/methods';
import type { CurrentTrial, RunStatus } from './run-reducer';

/** What the header says about the run in flight (a search of any kind, or a comparison), and how far it is. */
export interface StatusView {
  text: string;
  /** 0..1, or null when nothing runs. */
  progress: number | null;
}

export interface StatusInput {
  status: RunStatus;
  trials: readonly TrialRecord[];
  info: StartInfo | null;
  current: CurrentTrial | null;
  supernet: SupernetInfo | null;
  best: TrialRecord | null;
  experiment: Experiment;
  compare: { running: boolean; progress: CompareProgress | null };
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

function running(s: StatusInput, total: number): string {
  const x = s.experiment;
  const done = s.trials.length;
  if (evaluatorEntry(x.evaluator).table) return `Looking up cells in NAS-Bench-201: ${done} of ${total}`;
  if (sharesWeights(x) && s.supernet) {
    const { epoch, epochs, stage, stages } = s.supernet;
    const trainedAll = stage >= stages - 1 && epoch >= epochs;
    if (!trainedAll) return `Training the supernet: epoch ${Math.min(epoch + 1, epochs)} of ${epochs}${stages > 1 ? `, stage ${stage + 1} of ${stages}` : ''}`;
    return `Scoring with the shared weights: ${done} of ${total}`;
  }
  if (sharesWeights(x)) return 'Training the supernet…';
  const epoch = s.current ? s.current.epochs.length + 1 : null;
  const of = methodEntry(x.strategy)?.multiFidelity ? '' : ` of ${x.training.epochs}`;
  return `Trial ${Math.min(done + 1, total)} of ${total}${epoch !== null ? `, epoch ${Math.min(epoch, x.training.epochs)}${of}` : ''}`;
}

function finished(s: StatusInput): string {
  const x = s.experiment;
  const n = s.trials.length;
  const best = s.best;
  if (evaluatorEntry(x.evaluator).table) {
    return `Done: ${plural(n, 'trial')} (table lookups)${best ? ` · returned cell ${percent(best.reported?.accuracy ?? best.accuracy, 2)} test accuracy` : ''}`;
  }
  const method = methodEntry(x.strategy);
  if (method?.readsAlpha) {
    const epochs = s.supernet ? s.supernet.epochs * s.supernet.stages : n;
    return `Done: ${method.name} trained the supernet for ${plural(epochs, 'epoch')}${best ? ` · returned cell ${percent(best.accuracy)}` : ''}`;
  }
  if (sharesWeights(x) && s.supernet) {
    const epochs = s.supernet.epochs * s.supernet.stages;
    return `Done: supernet trained for ${plural(epochs, 'epoch')}, ${plural(x.budget, 'path')} ranked with its weights${best ? ` · best ${percent(best.accuracy)}` : ''}`;
  }
  return `Done: ${plural(n, 'trial')}${best ? ` · best ${percent(best.accuracy)}` : ''}`;
}

/** The header's words for the state of the page's runs, and the share done. */
export function statusText(s: StatusInput): StatusView {
  const total = s.info?.budget ?? s.experiment.budget;
  const share = total > 0 ? Math.min(1, s.trials.length / total) : 0;
  switch (s.status) {
    case 'idle':
      if (s.compare.running) {
        const p = s.compare.progress;
        return {
          text: p ? `Comparing strategies: ${p.done} of ${plural(p.total, 'search', 'searches')} done` : 'Comparing strategies: preparing…',
          progress: p ? p.done / p.total : 0,
        };
      }
      return { text: 'Ready', progress: null };
    case 'preparing':
      return { text: 'Preparing the data and the backend…', progress: 0 };
    case 'running':
      return { text: running(s, total), progress: share };
    case 'paused':
      return { text: `Paused after ${s.trials.length} of ${total}`, progress: share };
    case 'done':
      return { text: finished(s), progress: 1 };
    case 'stopped':
      return { text: `Stopped after ${s.trials.length} of ${total}`, progress: share };
    case 'error':
      return { text: 'Stopped by an error', progress: null };
  }
}
