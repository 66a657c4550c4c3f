import type { ObjectiveSettings } from './objective';

/**
 * Why a run cannot repeat to the digit, or null. A reward built on latency measured on this device
 * varies from run to run (timers, load, other tabs), so a strategy that learns from rewards can take
 * another path on a re-run. Training itself is seeded: the digest's hash covers only what repeats
 * (each trial's architecture and accuracy, never its latency, reward or time).
 */
export function unrepeatable(x: { objective: ObjectiveSettings }): string | null {
  if (x.objective.kind !== 'mnas' || x.objective.cost !== 'latency') return null;
  return 'Its reward uses latency measured on this device, which varies from run to run, so a re-run can choose other architectures and will not repeat to the digit; the digest covers only architectures and accuracies.';
}
