// @ts-nocheck
import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/**
 * @tanstack/virtual-core for Preact (it ships no Preact adapter; this is what its React adapter
 * does): one Virtualizer per component, options refreshed each render, a re-render when it says
 * the visible range changed. Rows have one fixed height, so nothing is measured while scrolling.
 */
export function useVirtualizer(options: { count: number; rowHeight: number; getScrollElement: () => HTMLElement | null; overscan?: number }): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved = {
    count: options.count,
    getScrollElement: options.getScrollElement,
    estimateSize: () => options.rowHeight,
    overscan: options.overscan ?? 10,
    scrollToFn: elementScroll,
    // A scroller not laid out yet (or a DOM without layout, as in component tests) reports height
    // 0: draw a window's height of rows then rather than none.
    observeElementRect: (instance: Virtualizer<HTMLElement, HTMLElement>, cb: (rect: { width: number; height: number }) => void) =>
      observeElementRect(instance, (rect) => cb(rect.height ? rect : { width: rect.width, height: instance.targetWindow?.innerHeight || 600 })),
    observeElementOffset,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
