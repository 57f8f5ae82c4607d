import { useEffect, useState } from 'preact/hooks';
import type { HeatmapEntry } from '../../store/heatmap';
import { locateChains } from '../heatmap/locate';
import type { Overlay } from '../overlay/overlay';
import { api, describeError } from './api';
import { watchPage } from './watch-page';

export interface HeatmapView {
  /** Clicks stored for this page, and how many of them are drawn on live elements. */
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
 * elements they were recorded on and drawn in `heat` outlines labelled with the count. Placed
 * again when the page changes; fetched again when the URL changes.
 */
export function useHeatmap(on: boolean, site: string, url: string, doc: Document, overlay: Overlay): HeatmapView {
  const [view, setView] = useState<HeatmapView>(EMPTY);
  useEffect(() => {
    if (!on) {
      setView(EMPTY);
      return;
    }
    const controller = new AbortController();
    setView({ ...EMPTY, loading: true });
    void api.heatmap(site, url).then(
      (answer) => {
        if (controller.signal.aborted) return;
        const place = () => {
          const { placed, missing } = locateChains(answer.entries, doc);
          const max = Math.max(1, ...placed.map((p) => p.clicks));
          overlay.outline('heat', placed.map((p) => ({ element: p.element, tone: 'heat' as const, heat: p.clicks / max, label: String(p.clicks) })));
          setView({ total: answer.total, placedClicks: placed.reduce((n, p) => n + p.clicks, 0), elements: placed.length, missing, error: '', loading: false });
        };
        place();
        watchPage(doc, controller.signal, place);
      },
      (error) => !controller.signal.aborted && setView({ ...EMPTY, error: describeError(error).message }),
    );
    return () => {
      controller.abort();
      overlay.clear('heat');
    };
  }, [on, site, url, doc, overlay]);
  return view;
}
