// @ts-nocheck
import type { ActionStep } from '../../src/actions/types';
import { pageMatches, type ClickEventCache } from '../../src/toolbar/draft';

/** Drafts the page preview is timed with on big.html: a shared data attribute, a class, text only. */
export const DRAFTS: Record<string, { steps: ActionStep[]; css: string | null }> = {
  'data attribute': { steps: [{ event: '$autocapture', selector: '[data-attr="big-buy"]' }], css: '[data-attr="big-buy"]' },
  class: { steps: [{ event: '$autocapture', selector: '.big-item' }], css: '.big-item' },
  'text only': { steps: [{ event: '$autocapture', text: 'Buy', text_matching: 'exact' }], css: null },
};

const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The toolbar's page preview (which live elements a draft matches, judged by the compiled
 * matcher on the click event each element would record): cold (page just changed: every click
 * event built) and warm (an edit of the draft on an unchanged page: events reused), medians of
 * `runs`, next to the browser's own querySelectorAll for the same selector.
 */
export function benchPagePreview(doc: Document, runs: number) {
  return Object.entries(DRAFTS).map(([name, { steps, css }]) => {
    const cold: number[] = [];
    const warm: number[] = [];
    const native: number[] = [];
    let matched = 0;
    for (let i = 0; i < runs; i++) {
      const events: ClickEventCache = new WeakMap();
      cold.push(time(() => {
        const r = pageMatches(steps, [doc], { events });
        matched = 'elements' in r ? r.elements.length : -1;
      }));
      warm.push(time(() => pageMatches(steps, [doc], { events })));
      if (css) native.push(time(() => doc.querySelectorAll(css).length));
    }
    return { name, matched, coldMs: median(cold), warmMs: median(warm), querySelectorAllMs: css ? median(native) : null };
  });
}
