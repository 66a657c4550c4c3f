import type { EvaluatorEntry } from './entry';
import { nb201Lookup } from './nb201';
import { supernet } from './supernet';
import { train } from './train';

/** How candidates are scored, in menu order: trained here, looked up in a table, or scored with a supernet's weights. */
export const EVALUATORS = [train, nb201Lookup, supernet] as const;

export type EvaluatorId = (typeof EVALUATORS)[number]['id'];
export const EVALUATOR_IDS: readonly EvaluatorId[] = EVALUATORS.map((e) => e.id);

const BY_ID = new Map<string, EvaluatorEntry<EvaluatorId>>(EVALUATORS.map((e) => [e.id, e]));

export function evaluatorEntry(id: EvaluatorId): EvaluatorEntry<EvaluatorId>;
export function evaluatorEntry(id: string): EvaluatorEntry<EvaluatorId> | undefined;
export function evaluatorEntry(id: string): EvaluatorEntry<EvaluatorId> | undefined {
  return BY_ID.get(id);
}

export type { EvaluatorEntry } from './entry';
