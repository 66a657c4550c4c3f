import type { AlphaSnapshot } from '../contracts/events';

/**
 * ProxylessNAS's per-block latency table as printed lines: one row per layer, one column per op
 * (ms on this device, at the layer's shape; "-" where the op cannot sit), then what the derived
 * network adds up to against the target. Empty when the run measured no table.
 */
export function latencyLines(snapshot: AlphaSnapshot | undefined, backend: string): string[] {
  const table = snapshot?.latency;
  if (!snapshot || !table) return [];
  const labelWidth = Math.max(...snapshot.edges.map((e) => e.label.length));
  const names = snapshot.ops.map((op) => (op === 'none' ? 'zero' : op));
  const cell = (s: string) => s.padStart(8);
  const rows = table.ms.map((row, e) =>
    [snapshot.edges[e]!.label.padEnd(labelWidth), ...row.map((ms, k) => cell(snapshot.allowed[e]![k] ? ms.toFixed(3) : '-'))].join(''),
  );
  const derived = table.fixed + snapshot.chosen.reduce((s, ops, e) => s + ops.reduce((t, k) => t + table.ms[e]![k]!, 0), 0);
  return [
    `latency table (ms per block on ${backend}, each at its layer's shape; stem and head ${table.fixed.toFixed(3)} ms):`,
    ['layer'.padEnd(labelWidth), ...names.map(cell)].join(''),
    ...rows,
    `derived network by the table: ${derived.toFixed(3)} ms against a target of ${table.target.toFixed(3)} ms`,
  ];
}
