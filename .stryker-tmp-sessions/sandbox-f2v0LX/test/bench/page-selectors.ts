// @ts-nocheck
// Bundled by scripts/bench/selectors.mjs into big.html: time selectorCandidates per element.
import { selectorCandidates } from '../../src/selectors';

/** Median / p90 ms of selectorCandidates over `count` elements spread across the page. */
export function run(count: number) {
  const all = [...document.querySelectorAll('body *')].filter((el) => !['SCRIPT', 'STYLE'].includes(el.tagName));
  const picks = Array.from({ length: count }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / count)]);
  selectorCandidates(picks[0]); // warm-up
  const times = picks.map((el) => {
    const t0 = performance.now();
    selectorCandidates(el);
    return performance.now() - t0;
  });
  const sorted = [...times].sort((a, b) => a - b);
  return { elements: all.length, samples: count, medianMs: sorted[Math.floor(count / 2)], p90Ms: sorted[Math.floor(count * 0.9)] };
}
