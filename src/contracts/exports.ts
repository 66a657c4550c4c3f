import type { ArchGraph, InputShape } from '../core/space/types';

/** The ways a found model (or the search itself) can be taken out of the page. */
export const EXPORT_FORMATS = ['onnx', 'tfjs', 'pytorch', 'ray', 'nni'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TITLES: Record<ExportFormat, string> = {
  onnx: 'ONNX',
  tfjs: 'TensorFlow.js',
  pytorch: 'PyTorch',
  ray: 'Ray Tune project',
  nni: 'NNI experiment',
};

/** A trial whose trained weights the worker holds (the best of the last run, and the last few trials). */
export interface KeptModel {
  trial: number;
  encoded: string;
  accuracy: number;
  origin: string;
  best: boolean;
  /** Its network module by module, drawn from the layer graph the exports are written from. */
  drawing: ArchGraph;
}

/** One file to download: a model, or a zip of a folder. */
export interface ExportedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface Prediction {
  trial: number;
  classNames: string[];
  probabilities: number[];
}

/** A validation example as the model sees it, with its label: the "Try it" panel's starting point. */
export interface ValidationExample {
  x: Float32Array;
  label: number;
  input: InputShape;
  classNames: string[];
  count: number;
}
