import { describe, expect, it } from 'vitest';
import { nextSession, SESSION_IDLE_MS, SESSION_MAX_MS, type SessionState } from '../../src/autocapture/session';

const MIN = 60_000;
const start = 1_700_000_000_000;
const s = (startedAt: number, lastActivityAt: number): SessionState => ({ id: 'old', startedAt, lastActivityAt });

describe('nextSession', () => {
  it.each([
    ['no session yet', null, start, true],
    ['activity 1 min later', s(start, start), start + MIN, false],
    ['exactly 30 min idle', s(start, start), start + SESSION_IDLE_MS, false],
    ['30 min + 1 ms idle', s(start, start), start + SESSION_IDLE_MS + 1, true],
    ['active all day, under 24 h', s(start, start + SESSION_MAX_MS - MIN), start + SESSION_MAX_MS - 1, false],
    ['active all day, past 24 h', s(start, start + SESSION_MAX_MS - MIN), start + SESSION_MAX_MS + 1, true],
    ['clock went backwards a little', s(start, start + 10 * MIN), start + 5 * MIN, false],
  ])('%s → rotated %s', (_name, current, now, rotated) => {
    const next = nextSession(current, now, () => 'new');
    expect(next.rotated).toBe(rotated);
    expect(next.session.id).toBe(rotated ? 'new' : 'old');
    if (rotated) expect(next.session).toEqual({ id: 'new', startedAt: now, lastActivityAt: now });
  });

  it('never moves last activity backwards', () => {
    expect(nextSession(s(start, start + 10 * MIN), start + 5 * MIN, () => 'new').session.lastActivityAt).toBe(start + 10 * MIN);
  });
});
