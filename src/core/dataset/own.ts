import { problem } from '../problems';
import { defineDataset } from './entry';

export const own = defineDataset({
  id: 'own',
  title: 'Your own CSV table or zip of images…',
  blurb: 'A CSV table, or a zip of one folder of images per class, read on this device.',
  kind: 'user',
  // A table names its label column (the page always does); a zip of class folders does not, and ends in .zip.
  input: ({ data: { file } }) => (!file ? { kind: 'none' } : file.label !== undefined || !/\.zip$/i.test(file.name) ? { kind: 'flat' } : { kind: 'image' }),
  source: { kind: 'user' },
  check: ({ x }) =>
    x.data.file ? [] : [problem('data.file', 'The "own" dataset needs your file.', 'Choose a CSV file (in the page, or with --data-file in the CLI).')],
});
