import { defineDataset } from './entry';

/** Small real data sets served with the page (public/data). */

export const digits = defineDataset({
  id: 'digits',
  title: 'UCI digits (8×8, 10 classes)',
  blurb: '1 797 handwritten digits, 8 × 8 (UCI, via scikit-learn).',
  kind: 'image',
  input: { kind: 'image', shape: { height: 8, width: 8, channels: 1 } },
  source: { kind: 'digits' },
});

export const iris = defineDataset({
  id: 'iris',
  title: 'Iris (table: 4 features, 3 classes)',
  blurb: "Fisher's 150 irises: four measurements, three species.",
  kind: 'table',
  input: { kind: 'flat' },
  source: { kind: 'table' },
});

export const wine = defineDataset({
  id: 'wine',
  title: 'Wine (table: 13 features, 3 classes)',
  blurb: '178 wines from three cultivars: thirteen chemical measurements.',
  kind: 'table',
  input: { kind: 'flat' },
  source: { kind: 'table' },
});

export const breastCancer = defineDataset({
  id: 'breast_cancer',
  title: 'Breast cancer (table: 30 features, 2 classes)',
  blurb: '569 breast masses, benign or malignant: thirty cell-nucleus measurements.',
  kind: 'table',
  input: { kind: 'flat' },
  source: { kind: 'table' },
});
