/**
 * The effect of generated training examples: one fixed network trained on a reduced training split
 * (10 % of each class) with and without examples from the class-conditional generator fitted on that
 * split (the GAN on digits, the Gaussian mixture per class on the wine table), accuracy on the
 * held-out test split, mean ± std over seeds. Same network, same initial weights, same epochs.
 *
 *   npm run bench:synthetic
 */
import { createRng } from '../src/core/rng';
import { parseExperiment, type DatasetId } from '../src/core/experiment';
import { createSpace } from '../src/core/space/index';
import { meanStd } from '../src/core/stats';
import { prepareData } from '../src/data/load';
import { readPublicAsset } from '../src/data/node-assets';
import { fitTableGenerator, sampleTable } from '../src/data/table-generator';
import { useNodeBackend } from '../src/nn/backend-node';
import { buildNetwork } from '../src/nn/build';
import { trainGan } from '../src/nn/gan';
import { splitAccuracy, train, type Split, type TrainData } from '../src/nn/train';

await useNodeBackend('wasm');
const SEEDS = [1, 2, 3, 4, 5];
const SHARE = 0.1;
const EPOCHS = 15;

/** The first `share` of each class (the split is already shuffled by the seed). */
function reduce(s: Split, size: number, classes: number, share: number): Split {
  const per = new Array<number>(classes).fill(0);
  for (let i = 0; i < s.n; i++) per[s.y[i]!]! += 1;
  const keep = per.map((c) => Math.max(2, Math.round(c * share)));
  const taken = new Array<number>(classes).fill(0);
  const picked: number[] = [];
  for (let i = 0; i < s.n; i++) {
    const k = s.y[i]!;
    if (taken[k]! >= keep[k]!) continue;
    taken[k]! += 1;
    picked.push(i);
  }
  const x = new Float32Array(picked.length * size);
  picked.forEach((i, k) => x.set(s.x.subarray(i * size, (i + 1) * size), k * size));
  return { x, y: Int32Array.from(picked, (i) => s.y[i]!), n: picked.length };
}

function append(a: Split, b: Split, size: number): Split {
  const x = new Float32Array((a.n + b.n) * size);
  x.set(a.x.subarray(0, a.n * size));
  x.set(b.x.subarray(0, b.n * size), a.n * size);
  return { x, y: Int32Array.from([...a.y.subarray(0, a.n), ...b.y.subarray(0, b.n)]), n: a.n + b.n };
}

const counts = (s: Split, classes: number, times: number) => {
  const out = new Array<number>(classes).fill(0);
  for (let i = 0; i < s.n; i++) out[s.y[i]!]! += 1;
  return out.map((c) => Math.round(c * times));
};

async function testAccuracy(data: TrainData, trainSplit: Split, seed: number): Promise<number> {
  const space = createSpace('chain');
  const genotype = space.sample(createRng('bench-synthetic').fork('architecture'));
  const net = buildNetwork(space, genotype, data.input, data.classes, createRng(seed).fork('init'));
  try {
    const d = { ...data, train: trainSplit };
    await train(net, d, { epochs: EPOCHS, batchSize: 16, optimizer: 'adam', learningRate: 0.01, weightDecay: 0.0005 }, createRng(seed).fork('shuffle'));
    return await splitAccuracy(net, d, data.test!);
  } finally {
    net.ctx.dispose();
  }
}

const pct = (v: number[]) => {
  const { mean, std } = meanStd(v);
  return `${(mean * 100).toFixed(1)} ± ${(std * 100).toFixed(1)} %`;
};

console.log(
  `fixed chain network, ${EPOCHS} epochs, trained on ${SHARE * 100} % of each class of the training split; accuracy on the held-out test split, seeds ${SEEDS.join(', ')}\n`,
);
for (const dataset of ['digits', 'wine'] as DatasetId[]) {
  const rows: Record<string, number[]> = { none: [], '×1': [], '×3': [] };
  let sizes = '';
  let seconds = 0;
  for (const seed of SEEDS) {
    const data = await prepareData(parseExperiment({ dataset, seed }), readPublicAsset);
    const size = data.input.height * data.input.width * data.input.channels;
    const small = reduce(data.train, size, data.classes, SHARE);
    const started = performance.now();
    const rng = createRng(seed).fork('data').fork('generate');
    let sample: (c: number[], name: string) => Split;
    if (data.info.kind === 'image') {
      const gan = trainGan(small, size, data.classes, rng.fork('gan'));
      sample = (c, name) => gan.sample(c, rng.fork(name));
    } else {
      const mixtures = fitTableGenerator(small, size, data.classes, rng.fork('mixture'));
      sample = (c, name) => sampleTable(mixtures, c, size, rng.fork(name));
    }
    const one = sample(counts(small, data.classes, 1), 'x1');
    const three = sample(counts(small, data.classes, 3), 'x3');
    seconds += (performance.now() - started) / 1000 / SEEDS.length;
    rows.none!.push(await testAccuracy(data, small, seed));
    rows['×1']!.push(await testAccuracy(data, append(small, one, size), seed));
    rows['×3']!.push(await testAccuracy(data, append(small, three, size), seed));
    sizes = `${small.n} real training examples, test ${data.test.n}`;
  }
  const generator = dataset === 'digits' ? 'class-conditional GAN' : 'Gaussian mixture per class';
  console.log(`${dataset} (${sizes}; ${generator}, fitted in ${seconds.toFixed(1)} s per seed):`);
  for (const [name, acc] of Object.entries(rows))
    console.log(`  ${(name === 'none' ? 'real only' : `+ generated ${name}`).padEnd(18)} ${pct(acc)}   (${acc.map((a) => (a * 100).toFixed(1)).join(', ')})`);
}
