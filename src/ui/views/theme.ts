import { isOpId, opInfo, type OpId } from '../../core/ops/index';
import type { ArchKind } from '../../core/space/types';

/** Visual constants shared by every view. An op's colour and label come from its vocabulary's table in core. */
const STRUCTURE: Record<Exclude<ArchKind, OpId>, string> = {
  input: '#0f172a',
  output: '#0f172a',
  node: '#334155',
};

/** The colour of a drawn node's kind or an edge's op. */
export function opColor(kind: ArchKind): string {
  return isOpId(kind) ? opInfo(kind).color : STRUCTURE[kind];
}

export function opLabel(op: OpId): string {
  return opInfo(op).label;
}

/** How a name that is no op of any vocabulary is drawn. */
export const UNKNOWN_OP = { color: '#475569' } as const;

/** For op names that arrive untyped (a snapshot's columns): an op of a vocabulary, or the bare name in the fallback colour. */
export function opLookOf(name: string): { label: string; color: string } {
  return isOpId(name) ? { label: opInfo(name).label, color: opInfo(name).color } : { label: name, color: UNKNOWN_OP.color };
}

export const CHART = {
  point: '#2563eb',
  best: '#16a34a',
  grid: '#e2e8f0',
  text: '#334155',
  font: '15px',
};
