// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { ActionStep } from '../../actions/types';
import { pageMatches, type ClickEventCache, type PageMatches, type PageMatchesError } from '../draft';
import type { Overlay } from '../overlay/overlay';
import { watchPage } from './watch-page';

/**
 * Which live elements the draft matches, outlined in `group`, recomputed when the draft changes
 * (debounced), when the page changes (throttled) and when its URL changes (a click event carries
 * the URL: url conditions must see the new one): the page preview. `steps` null = none.
 */
export function usePageMatches(steps: ActionStep[] | null, doc: Document, overlay: Overlay, group: string, url: string): PageMatches | PageMatchesError | null {
  const [result, setResult] = useState<PageMatches | PageMatchesError | null>(null);
  const key = steps ? JSON.stringify(steps) : '';
  useEffect(() => {
    if (!steps) {
      setResult(null);
      overlay.clear(group);
      return;
    }
    const controller = new AbortController();
    // Click events built per element are reused across steps and edits until the page changes.
    let events: ClickEventCache = new WeakMap();
    const run = () => {
      const found = pageMatches(steps, [doc], { events });
      setResult(found);
      overlay.outline(group, 'elements' in found ? found.elements.map((element) => ({ element, tone: 'match' as const })) : []);
    };
    const timer = setTimeout(run, 120);
    watchPage(doc, controller.signal, () => {
      events = new WeakMap();
      run();
    });
    return () => {
      clearTimeout(timer);
      controller.abort();
      overlay.clear(group);
    };
    // `key` stands for `steps` (a new array on every render).
  }, [key, doc, overlay, group, url]);
  return result;
}
