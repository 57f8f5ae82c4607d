/** At most one refresh per this many ms while events keep arriving. */
// @ts-nocheck

export const REFRESH_THROTTLE_MS = 1000;

/** The clock a throttle runs on (the global timers; a fake clock in tests). */
export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * `run` at most once per `ms`: a call after a quiet period runs at once; calls within `ms` of
 * the last run are folded into one run when the period ends (so the last change is never
 * lost). An event storm therefore costs one refresh per period, not one per event. Nothing runs
 * after `signal` aborts.
 */
export function throttle(run: () => void, ms: number, signal: AbortSignal, clock: ThrottleClock = globalClock): () => void {
  let last = -Infinity;
  let pending: unknown = null;
  const fire = () => {
    pending = null;
    if (signal.aborted) return;
    last = clock.now();
    run();
  };
  signal.addEventListener('abort', () => pending !== null && clock.clearTimeout(pending), { once: true });
  return () => {
    if (signal.aborted || pending !== null) return;
    const wait = last + ms - clock.now();
    if (wait <= 0) fire();
    else pending = clock.setTimeout(fire, wait);
  };
}
