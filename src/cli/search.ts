import type { AlphaSnapshot, EngineEvent, TrialRecord } from '../contracts/events';
import { latencyLines } from './latency-table';
import { PlaygroundError, isPlaygroundError } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { evaluatorEntry } from '../core/evaluator/index';
import { meanStd } from '../core/stats';
import { encodeLink } from '../core/link';
import { readPublicAsset } from '../data/node-assets';
import { folderCache } from '../data/byte-cache-node';
import type { NetworkAccess } from '../data/image-sets';
import type { UserFile } from '../data/load';
import { finalScore } from '../engine/compare';
import { runSearch, SearchInterrupted, type SearchResult } from '../engine/search';
import { useNodeBackend } from '../nn/backend-node';
import { err, exitAfterDrain, out } from './terminal';
import { parseCliArgs, USAGE } from './args';
import { formatSeedTable, formatTable, progressLine, shareLine, trialJson } from './format';
import { ModelStore } from '../engine/models';
import { writeOutputs } from './export';
import { importResults } from './import';
import { autoNodeBackend } from './auto-backend';
import { BetaLog } from './beta';
import { appendLine } from '../contracts/append';
import { checkAppended, DataArrivals } from '../engine/arrivals';
import type { CliAppend } from './append-flags';
import { evalDepthJson, evalDepthLines, runEvalDepth } from './eval-depth';

/** Image sets come from their public mirrors into ~/.cache/nas-playground; progress goes to a terminal. */
function cliNetwork(live: boolean): NetworkAccess {
  return {
    fetch: (input, init) => fetch(input, init),
    cache: folderCache(),
    progress: (p) => {
      if (live && p.from === 'network')
        err(
          `\rdownloading ${p.dataset} ${p.file}: ${(p.loaded / 2 ** 20).toFixed(1)} / ${(p.total / 2 ** 20).toFixed(1)} MB${p.loaded >= p.total ? '\n' : ''}`,
        );
    },
  };
}

async function searchOnce(
  experiment: Experiment,
  backend: string,
  live: boolean,
  label = '',
  userFile?: UserFile,
  models?: ModelStore,
  beta?: BetaLog,
  appends: readonly CliAppend[] = [],
  seen: { alpha?: AlphaSnapshot } = {},
): Promise<SearchResult> {
  let current = '';
  const arrivals = appends.length ? new DataArrivals(appends.filter((a) => a.after === 0).map((a) => a.file)) : undefined;
  const onEvent = (event: EngineEvent): void => {
    if (event.type === 'alphas') {
      beta?.add(event.snapshot);
      seen.alpha = event.snapshot;
    }
    if (event.type === 'trial') for (const a of appends) if (a.after === event.trial.index + 1) arrivals!.add(a.file);
    if (event.type === 'data' && event.appended.length) err(`${live ? '\n' : ''}${label}${appendLine(event.appended.at(-1)!)}\n`);
    if (!live) return;
    if (event.type === 'trial-start') current = event.encoded;
    if (event.type === 'epoch' || event.type === 'trial' || event.type === 'trial-start') {
      const done = event.type === 'trial' ? event.trial.index + 1 : event.index;
      err(`\r${progressLine(done, experiment.budget, `${label}${current}`, process.stderr.columns ?? 80)}`);
    }
    if (event.type === 'done') err('\n');
  };
  return runSearch(experiment, { readAsset: readPublicAsset, backend, userFile, net: cliNetwork(live), ...(models ? { models } : {}), arrivals }, onEvent);
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    err(`error: ${isPlaygroundError(e) ? e.describe() : String(e)}\n`);
    return 2;
  }
  if (options.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const { experiment, json } = options;
  if (options.importFile) {
    const imported = importResults(options.importFile, experiment);
    const written = options.out ? await writeOutputs(options.out, { experiment, trials: imported.trials, best: imported.best?.index ?? null }, []) : [];
    if (json)
      out(
        `${JSON.stringify({ config: experiment, origin: imported.origin, trials: imported.trials.map(trialJson), best: imported.best ? trialJson(imported.best) : null, written })}\n`,
      );
    else out(`${formatTable(imported.trials, imported.origin, experiment.dataset)}\n${written.map((p) => `wrote ${p}\n`).join('')}`);
    return 0;
  }
  // Every appended file is checked against the first before the search starts: a refusal costs no trials.
  for (let k = 0; k < options.appends.length; k++)
    await checkAppended(
      experiment,
      readPublicAsset,
      options.userFile,
      options.appends.slice(0, k + 1).map((a) => a.file),
    );
  const live = Boolean(process.stderr.isTTY) && !json;
  let backend: string;
  if (evaluatorEntry(experiment.evaluator).table) backend = 'table';
  else if (options.backend === 'auto') {
    const chosen = await autoNodeBackend(experiment, { net: cliNetwork(live) });
    backend = chosen.backend;
    err(chosen.line);
  } else backend = await useNodeBackend(options.backend);

  if (options.seeds) {
    const runs: Array<{ seed: number; best: TrialRecord | null }> = [];
    for (const seed of options.seeds) {
      const result = await searchOnce({ ...experiment, seed }, backend, live, `seed ${seed}: `, options.userFile, undefined, undefined, options.appends);
      runs.push({ seed, best: result.best });
    }
    const scores = runs.flatMap((r) => (r.best ? [finalScore(r.best)] : []));
    const { mean, std } = meanStd(scores);
    if (json) {
      out(`${JSON.stringify({ config: experiment, seeds: runs.map((r) => ({ seed: r.seed, best: r.best ? trialJson(r.best) : null })), mean, std })}\n`);
    } else {
      out(`${formatSeedTable(runs, mean, std)}\n`);
    }
    return 0;
  }

  const models = options.exports.length > 0 ? new ModelStore(1) : undefined;
  const beta = new BetaLog();
  const seen: { alpha?: AlphaSnapshot } = {};
  const result = await searchOnce(experiment, backend, live, '', options.userFile, models, beta, options.appends, seen);
  const latency = seen.alpha?.latency;
  const deep =
    options.evalDepth && result.best && !result.stopped
      ? await runEvalDepth(experiment, result.best, options.evalDepth, {
          userFile: options.userFile,
          net: cliNetwork(live),
          models,
          ...(live ? { progress: err } : {}),
        })
      : null;
  const link = encodeLink(experiment, result.digest);
  const written = options.out
    ? await writeOutputs(
        options.out,
        { experiment, trials: result.trials, best: result.best?.index ?? null, models, userFile: options.userFile },
        options.exports,
      )
    : [];
  if (json) {
    const trials = result.trials.map(trialJson);
    const returned = result.best ? trials[result.best.index]! : null;
    const best = returned && deep ? { ...returned, evalDepth: evalDepthJson(deep) } : returned;
    out(
      `${JSON.stringify({ config: experiment, link, trials, best, digest: result.digest, ...(latency ? { latencyTable: latency } : {}), ...(options.out ? { written } : {}), ...beta.json() })}\n`,
    );
  } else {
    out(
      `${formatTable(result.trials, backend, experiment.dataset, result.best)}\n${beta.lines()}${latencyLines(seen.alpha, backend)
        .map((line) => `${line}\n`)
        .join(
          '',
        )}${deep ? `${evalDepthLines(deep)}\n` : ''}${shareLine(link, experiment, options.appends.length)}\n${written.map((p) => `wrote ${p}\n`).join('')}`,
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => exitAfterDrain(code),
  (thrown: unknown) => {
    const e = thrown instanceof SearchInterrupted ? thrown.cause : thrown;
    if (e instanceof PlaygroundError) {
      err(`error: ${e.describe()}\n`);
      return exitAfterDrain(
        e.code === 'invalid-config' || e.code === 'invalid-link' || e.code === 'unsupported-link-version' || e.code === 'incompatible-data' ? 2 : 1,
      );
    }
    err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return exitAfterDrain(1);
  },
);
