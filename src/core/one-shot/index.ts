import { darts } from './darts';
import { enas } from './enas';
import type { OneShotEntry } from './entry';
import { pdarts } from './pdarts';
import { proxyless } from './proxyless';
import { spos } from './spos';

/**
 * The weight-sharing (one-shot) strategies, in menu order. They do not fit ask/tell: they train one
 * supernet whose weights every candidate shares, and read the architecture off it, so the engine
 * runs them with their own loop (src/engine/one-shot/).
 */
export const ONE_SHOT = [spos, enas, darts, pdarts, proxyless] as const;

export type OneShotId = (typeof ONE_SHOT)[number]['id'];
export const ONE_SHOT_IDS: readonly OneShotId[] = ONE_SHOT.map((m) => m.id);

const BY_ID = new Map<string, OneShotEntry<OneShotId>>(ONE_SHOT.map((m) => [m.id, m]));

export function isOneShot(id: string): id is OneShotId {
  return BY_ID.has(id);
}

export function oneShotEntry(id: OneShotId): OneShotEntry<OneShotId>;
export function oneShotEntry(id: string): OneShotEntry<OneShotId> | undefined;
export function oneShotEntry(id: string): OneShotEntry<OneShotId> | undefined {
  return BY_ID.get(id);
}

export { DEFAULT_ONE_SHOT, ONE_SHOT_GROUP, ONE_SHOT_SETTINGS, type OneShotField, type OneShotSettings } from './settings';
export type { OneShotEntry } from './entry';
