// @ts-nocheck
import { UI_ATTRIBUTE } from '../mount';

/** At least this many ms between two calls while the page keeps changing. */
export const PAGE_CHANGE_THROTTLE_MS = 400;
/** And at least this many times the last call's own duration: re-judging a busy, huge page never takes more than ~1/5 of its main thread. */
export const COST_FACTOR = 4;

/** Is this mutation only the toolbar host being (re-)attached by mount.ts? */
const isOwnHost = (r: MutationRecord): boolean =>
  r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === 1 && (n as Element).hasAttribute(UI_ATTRIBUTE));

/**
 * Call `onChange` after the page's DOM changed (SPA route, list re-rendered), throttled: at most
 * once per PAGE_CHANGE_THROTTLE_MS, and never sooner than COST_FACTOR × the previous call's
 * duration, so a page that mutates all the time (clocks, tickers) cannot keep the toolbar busy.
 * The toolbar's own shadow tree is not observed. Stops when `signal` aborts.
 */
export function watchPage(doc: Document, signal: AbortSignal, onChange: () => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastCost = 0;
  const schedule = () => {
    if (timer !== null || signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      if (signal.aborted) return;
      const started = performance.now();
      onChange();
      lastCost = performance.now() - started;
    }, Math.max(PAGE_CHANGE_THROTTLE_MS, lastCost * COST_FACTOR));
  };
  const observer = new MutationObserver((records) => {
    if (!records.every(isOwnHost)) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  }, { once: true });
}
