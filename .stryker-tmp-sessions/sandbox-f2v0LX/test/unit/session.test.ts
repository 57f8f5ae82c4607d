// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { asSession, nextSession, SESSION_IDLE_MS, SESSION_MAX_MS, type SessionState } from '../../src/autocapture/session';

const MIN = 60_000;
const start = 1_700_000_000_000;
const s = (startedAt: number, lastActivityAt: number): SessionState => ({ id: 'old', startedAt, lastActivityAt });

describe('nextSession', () => {
  // The last column is the kept session's last activity (a rotated one starts at `now`).
  it.each<[string, SessionState | null, number, boolean, number]>([
    ['no session yet', null, start, true, start],
    ['activity 1 min later', s(start, start), start + MIN, false, start + MIN],
    ['exactly 30 min idle', s(start, start), start + SESSION_IDLE_MS, false, start + SESSION_IDLE_MS],
    ['30 min + 1 ms idle', s(start, start), start + SESSION_IDLE_MS + 1, true, start + SESSION_IDLE_MS + 1],
    ['active all day, under 24 h', s(start, start + SESSION_MAX_MS - MIN), start + SESSION_MAX_MS - 1, false, start + SESSION_MAX_MS - 1],
    ['active all day, exactly 24 h', s(start, start + SESSION_MAX_MS - MIN), start + SESSION_MAX_MS, false, start + SESSION_MAX_MS],
    ['active all day, past 24 h', s(start, start + SESSION_MAX_MS - MIN), start + SESSION_MAX_MS + 1, true, start + SESSION_MAX_MS + 1],
    ['clock went backwards a little', s(start, start + 10 * MIN), start + 5 * MIN, false, start + 10 * MIN],
  ])('%s → rotated %s', (_name, current, now, rotated, lastActivityAt) => {
    const next = nextSession(current, now, () => 'new');
    expect(next.rotated).toBe(rotated);
    expect(next.session).toEqual(rotated
      ? { id: 'new', startedAt: now, lastActivityAt }
      : { id: 'old', startedAt: current?.startedAt, lastActivityAt });
  });

  it('never moves last activity backwards', () => {
    expect(nextSession(s(start, start + 10 * MIN), start + 5 * MIN, () => 'new').session.lastActivityAt).toBe(start + 10 * MIN);
  });
});

describe('asSession (a stored value)', () => {
  it.each<[string, unknown, boolean]>([
    ['a session', s(start, start + MIN), true],
    ['null', null, false],
    ['undefined', undefined, false],
    ['a string', 'old', false],
    ['a numeric id', { id: 1, startedAt: start, lastActivityAt: start }, false],
    ['no start', { id: 'old', lastActivityAt: start }, false],
    ['a start that is not a number', { id: 'old', startedAt: String(start), lastActivityAt: start }, false],
    ['an infinite last activity', { id: 'old', startedAt: start, lastActivityAt: Infinity }, false],
    ['a last activity that is NaN', { id: 'old', startedAt: start, lastActivityAt: NaN }, false],
  ])('%s → %s', (_name, stored, valid) => {
    expect(asSession(stored)).toBe(valid ? stored : null);
  });
});
