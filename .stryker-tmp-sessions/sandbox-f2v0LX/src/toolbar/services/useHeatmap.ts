// @ts-nocheck
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HeatmapAnswer, HeatmapEntry } from '../../store/heatmap';
import { locateChains } from '../heatmap/locate';
import { watchFrames } from '../overlay/frames';
import type { Overlay, OutlineSpec } from '../overlay/overlay';
import { api, describeError } from './api';
import { watchPage } from './watch-page';

export interface HeatmapView {
  /** Clicks stored for this page (and its same-origin frames), and how many are drawn on live elements. */
  total: number;
  placedClicks: number;
  elements: number;
  missing: HeatmapEntry[];
  error: string;
  loading: boolean;
}

const EMPTY: HeatmapView = { total: 0, placedClicks: 0, elements: 0, missing: [], error: '', loading: false };

/**
 * The click heatmap of the current URL: stored click counts per chain, placed on the live
 * elements they were recorded on and drawn as `heat` outlines labelled with the count. A
 * same-origin iframe's clicks are stored under the frame's own URL, so each frame document is
 * asked for and placed on its own. Placed again when a document changes; fetched again when the
 * URL changes, and when `countsTick` changes (new clicks were stored: useStoredTicks) — then
 * without clearing what is drawn.
 */
export function useHeatmap(on: boolean, site: string, url: string, win: Window, overlay: Overlay, countsTick = 0): HeatmapView {
  const [view, setView] = useState<HeatmapView>(EMPTY);
  /** Fetch every known document's counts again (set while the heatmap is on). */
  const refetch = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (countsTick) refetch.current?.();
  }, [countsTick]);
  useEffect(() => {
    if (!on) {
      setView(EMPTY);
      return;
    }
    const controller = new AbortController();
    const signal = controller.signal;
    const answers = new Map<Document, HeatmapAnswer>();
    const place = () => {
      const specs: OutlineSpec[] = [];
      const missing: HeatmapEntry[] = [];
      let total = 0;
      // A frame that navigated left its old document behind (no window any more): forget it.
      for (const doc of answers.keys()) if (!doc.defaultView) answers.delete(doc);
      const placedAll = [...answers].flatMap(([doc, answer]) => {
        total += answer.total;
        const found = locateChains(answer.entries, doc);
        missing.push(...found.missing);
        return found.placed;
      });
      const max = Math.max(1, ...placedAll.map((p) => p.clicks));
      for (const p of placedAll) specs.push({ element: p.element, tone: 'heat', heat: p.clicks / max, label: String(p.clicks) });
      overlay.outline('heat', specs);
      setView({ total, placedClicks: placedAll.reduce((n, p) => n + p.clicks, 0), elements: placedAll.length, missing, error: '', loading: false });
    };
    setView({ ...EMPTY, loading: true });
    const ask = (doc: Document) =>
      api.heatmap(site, doc.URL).then(
        (answer) => {
          if (signal.aborted) return;
          const first = !answers.has(doc);
          answers.set(doc, answer);
          place();
          if (first) watchPage(doc, signal, place);
        },
        (error: unknown) => !signal.aborted && setView({ ...EMPTY, error: describeError(error).message }),
      );
    watchFrames(win, signal, (w) => {
      const doc = w.document;
      if (!/^https?:/.test(doc.URL)) return; // a frame still at about:blank: asked again when it loads
      void ask(doc);
    });
    refetch.current = () => {
      for (const doc of answers.keys()) if (doc.defaultView) void ask(doc);
    };
    return () => {
      refetch.current = null;
      controller.abort();
      overlay.clear('heat');
    };
  }, [on, site, url, win, overlay]);
  return view;
}
