// @ts-nocheck
import type { KeyValueArea } from '../identity/identity';
import type { Target } from './types';

/** Where targets (secrets included) live: extension storage, local area only (never synced). */
export const TARGETS_KEY = 'sync.targets';

/** Every saved target, in the order they were added. */
export async function loadTargets(area: KeyValueArea): Promise<Target[]> {
  const got = (await area.get(TARGETS_KEY))[TARGETS_KEY];
  return Array.isArray(got) ? (got as Target[]) : [];
}

export async function saveTargets(area: KeyValueArea, targets: Target[]): Promise<void> {
  await area.set({ [TARGETS_KEY]: targets });
}
