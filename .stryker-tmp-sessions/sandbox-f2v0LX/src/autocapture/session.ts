// @ts-nocheck
import type { PersonInfo } from './person-props';

/** A capture session as posthog-js keeps it: id, start, last activity (epoch ms), and where it began. */
export interface SessionState {
  id: string;
  startedAt: number;
  lastActivityAt: number;
  /** The page the session began on (its `$set_once` session entry properties). */
  entry?: PersonInfo;
}

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * The session an event at `now` belongs to. A new session starts when there is none, after
 * 30 minutes without activity, or 24 hours after the session began (posthog-js's rules).
 */
export function nextSession(
  current: SessionState | null,
  now: number,
  newId: () => string,
): { session: SessionState; rotated: boolean } {
  if (!current || now - current.lastActivityAt > SESSION_IDLE_MS || now - current.startedAt > SESSION_MAX_MS) {
    return { session: { id: newId(), startedAt: now, lastActivityAt: now }, rotated: true };
  }
  return { session: { ...current, lastActivityAt: Math.max(now, current.lastActivityAt) }, rotated: false };
}

/** Parse a stored session, or null when the value is not one. */
export function asSession(x: unknown): SessionState | null {
  const s = x as SessionState | null;
  return s && typeof s.id === 'string' && Number.isFinite(s.startedAt) && Number.isFinite(s.lastActivityAt) ? s : null;
}
