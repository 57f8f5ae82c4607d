// @ts-nocheck
import type { ActionHealth } from './decide';

/** storage.local: whether the user asked to be told when an action breaks (off by default). */
export const HEALTH_NOTIFY_KEY = 'healthNotify';
/** storage.local: ids of the actions already told broken (told again only after they recover). */
export const HEALTH_TOLD_KEY = 'healthTold';
/** The background's check, hourly while notifications are on. */
export const HEALTH_ALARM = 'lasso.health';

/**
 * Which broken actions to tell about: broken now and not told before. The next told list is the
 * actions broken now, so one that recovers and breaks again is told again (pure).
 */
export function newlyBroken(told: readonly string[], health: readonly ActionHealth[]): { tell: ActionHealth[]; told: string[] } {
  const before = new Set(told);
  const broken = health.filter((h) => h.status === 'broken');
  return { tell: broken.filter((h) => !before.has(h.id)), told: broken.map((h) => h.id).sort() };
}
