import { PlaygroundError, isPlaygroundError } from '../core/errors';
import { encodeLink } from '../core/link';
import { prepareData } from '../data/load';
import { readPublicAsset } from '../data/node-assets';
import { runSearch } from '../engine/search';
import type { EngineEvent } from '../engine/events';
import { useNodeBackend } from '../nn/backend-node';
import { parseCliArgs, USAGE } from './args';
import { formatTable, progressLine } from './format';

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    process.stderr.write(`error: ${isPlaygroundError(e) ? e.describe() : String(e)}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { experiment, json } = options;
  const backend = await useNodeBackend(options.backend);
  const data = await prepareData(experiment, readPublicAsset);
  const live = process.stderr.isTTY && !json;
  let current = '';
  const onEvent = (event: EngineEvent): void => {
    if (!live) return;
    if (event.type === 'trial-start') current = event.encoded;
    if (event.type === 'epoch' || event.type === 'trial' || event.type === 'trial-start') {
      const done = event.type === 'trial' ? event.trial.index + 1 : event.index;
      process.stderr.write(`\r${progressLine(done, experiment.budget, current, process.stderr.columns ?? 80)}`);
    }
    if (event.type === 'done') process.stderr.write('\n');
  };
  const result = await runSearch(experiment, { data, backend }, onEvent);
  const link = encodeLink(experiment, result.digest);
  if (json) {
    const trials = result.trials.map((t) => ({
      index: t.index,
      encoded: t.encoded,
      genotype: t.genotype,
      accuracy: t.accuracy,
      params: t.params,
      flops: t.flops,
      seconds: t.seconds,
    }));
    const best = result.best ? trials[result.best.index] : null;
    process.stdout.write(`${JSON.stringify({ config: experiment, link, trials, best, digest: result.digest })}\n`);
  } else {
    process.stdout.write(`${formatTable(result.trials, backend, data.info.title)}\nshare link: ${link}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof PlaygroundError) {
      process.stderr.write(`error: ${e.describe()}\n`);
      process.exit(e.code === 'invalid-config' || e.code === 'invalid-link' || e.code === 'unsupported-link-version' || e.code === 'incompatible-data' ? 2 : 1);
    }
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
