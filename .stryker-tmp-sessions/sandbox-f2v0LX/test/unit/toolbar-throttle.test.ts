// @ts-nocheck
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../src/toolbar/services/throttle';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** Call the throttled function at each time (ms, ascending); returns the times `run` ran. */
function runsFor(calls: number[], ms: number, until: number, abortAt = Infinity): number[] {
  const ran: number[] = [];
  const controller = new AbortController();
  const call = throttle(() => ran.push(Date.now()), ms, controller.signal);
  for (const at of calls) {
    vi.advanceTimersByTime(at - Date.now());
    call();
  }
  if (abortAt < until) {
    vi.advanceTimersByTime(abortAt - Date.now());
    controller.abort();
  }
  vi.advanceTimersByTime(until - Date.now());
  return ran;
}

describe('refresh throttle', () => {
  it.each([
    ['one call runs at once', [0], [0]],
    ['a storm within the period: once now, once when it ends', [0, 10, 20, 300, 999], [0, 1000]],
    ['a storm after a quiet period: once now, once at the end of the period', [5000, 5001, 5500], [5000, 6000]],
    ['calls a period apart each run at once', [0, 1000, 2000], [0, 1000, 2000]],
    ['a long storm: one run per period', [0, 100, 900, 1100, 1900, 2100], [0, 1000, 2000, 3000]],
    ['no call, no run', [], []],
  ])('%s', (_name, calls, expected) => {
    expect(runsFor(calls, 1000, 10_000)).toEqual(expected);
  });

  it('nothing runs after the owner aborted, not even a pending trailing run', () => {
    expect(runsFor([0, 10], 1000, 10_000, 500)).toEqual([0]);
  });
});
