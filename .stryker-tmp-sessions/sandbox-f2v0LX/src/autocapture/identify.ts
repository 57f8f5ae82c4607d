/**
 * Which ids Lasso's events were filed under, to join them when the page's posthog-js identifies
 * its user. posthog-js sends `$identify` (`$anon_distinct_id`) only when its id changes from an
 * anonymous one; Lasso follows the same rule for the ids its own events carried.
 */
// @ts-nocheck

export interface SeenIdentity {
  distinctId: string;
  /** posthog-js's `$user_state` is `identified` (Lasso's own id never is). */
  identified: boolean;
  /** Lasso's own per-site id (no posthog-js ids on the page): only Lasso can join it. */
  own: boolean;
  /** Lasso's own anonymous id, used before posthog-js's anonymous id was adopted, still to be joined. */
  pendingOwn?: string;
}

/**
 * The anonymous ids to join into `next.distinctId` with one `$identify` each, when the id Lasso's
 * events carry changes from `prev` to `next`. Nothing when the id is unchanged, when `next` is
 * anonymous (a new anonymous id, or posthog-js's `reset()`), or when `prev` was identified (a user
 * switch: posthog-js never merges two identified users). posthog-js's own anonymous id is joined by
 * the page's own `$identify`; when the site's own traffic is stored (`pageTrafficStored`) that
 * event arrives, so Lasso adds none and the identify is not counted twice.
 */
export function identifyJoins(prev: SeenIdentity | null, next: SeenIdentity, pageTrafficStored: boolean): string[] {
  if (!prev || prev.distinctId === next.distinctId || !next.identified || prev.identified) return [];
  const joins = prev.pendingOwn && prev.pendingOwn !== next.distinctId ? [prev.pendingOwn] : [];
  if (prev.own || !pageTrafficStored) joins.push(prev.distinctId);
  return joins;
}

/** What to remember after the change from `prev` to `next`: Lasso's own anonymous id waits for an identify. */
export function nextSeen(prev: SeenIdentity | null, next: SeenIdentity): SeenIdentity {
  if (!prev || prev.distinctId === next.distinctId) return prev ? { ...next, pendingOwn: prev.pendingOwn } : next;
  const waiting = prev.own && !prev.identified ? prev.distinctId : prev.pendingOwn;
  // Once identified (or switched to another user) nothing is waiting any more.
  return !next.identified && !next.own && !prev.identified && waiting ? { ...next, pendingOwn: waiting } : next;
}

/** A SeenIdentity read from untrusted storage, or null. */
export function asSeenIdentity(x: unknown): SeenIdentity | null {
  const o = x as Partial<SeenIdentity> | null;
  if (!o || typeof o !== 'object' || typeof o.distinctId !== 'string' || typeof o.identified !== 'boolean' || typeof o.own !== 'boolean') return null;
  if (o.pendingOwn !== undefined && typeof o.pendingOwn !== 'string') return null;
  return { distinctId: o.distinctId, identified: o.identified, own: o.own, ...(o.pendingOwn && { pendingOwn: o.pendingOwn }) };
}
