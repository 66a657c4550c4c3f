import type { DatasetEntry, GeneratedData } from '../core/dataset/index';
import { generateShapes, shapes } from '../core/dataset/shapes';
import { generateSpiral, spiral } from '../core/dataset/spiral';
import type { Rng } from '../core/rng';
import type { DatasetId } from '../core/experiment';
import type { RawDataset } from './types';

/** A generated set as the rest of the data layer holds it: the entry says what it is, the generator what it holds. */
export function generatedDataset(entry: DatasetEntry<DatasetId>, data: GeneratedData): RawDataset {
  const kind = entry.kind === 'image' || entry.kind === 'table' ? entry.kind : 'points';
  const title = entry.source.kind === 'generated' ? entry.source.title : entry.title;
  return {
    info: { id: entry.id, title, kind, input: data.input, classNames: data.classNames, source: 'generated from the seed' },
    examples: { x: data.x, y: data.y, n: data.n },
  };
}

export function makeSpiral(rng: Rng, perClass?: number, classes?: number): RawDataset {
  return generatedDataset(spiral, generateSpiral(rng, perClass, classes));
}

export function makeShapes(rng: Rng, perClass?: number): RawDataset {
  return generatedDataset(shapes, generateShapes(rng, perClass));
}
