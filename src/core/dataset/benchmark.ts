import { problem, type CheckContext } from '../problems';
import { defineDataset } from './entry';

/** Data sets known only through a tabular benchmark: searched by lookup, never trained here. */
const needsTable = ({ x, evaluator }: CheckContext) =>
  evaluator.table
    ? []
    : [
        problem(
          'dataset',
          `"${x.dataset}" is known here only through the NAS-Bench-201 table, so it cannot be trained on.`,
          'Choose the NAS-Bench-201 lookup evaluator, or a dataset such as digits.',
        ),
      ];

export const cifar10 = defineDataset({
  id: 'cifar10',
  title: 'CIFAR-10',
  blurb: 'CIFAR-10 through the NAS-Bench-201 table.',
  kind: 'benchmark',
  input: { kind: 'none' },
  source: { kind: 'benchmark' },
  check: needsTable,
});

export const cifar100 = defineDataset({
  id: 'cifar100',
  title: 'CIFAR-100',
  blurb: 'CIFAR-100 through the NAS-Bench-201 table.',
  kind: 'benchmark',
  input: { kind: 'none' },
  source: { kind: 'benchmark' },
  check: needsTable,
});

export const imagenet16 = defineDataset({
  id: 'imagenet16',
  title: 'ImageNet16-120',
  blurb: 'ImageNet16-120 through the NAS-Bench-201 table.',
  kind: 'benchmark',
  input: { kind: 'none' },
  source: { kind: 'benchmark' },
  check: needsTable,
});
