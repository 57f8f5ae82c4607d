// @ts-nocheck
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { batchPositions } from '../../autocapture/elements';
import { pageKey } from '../../events/page-url';
import type { ActionSummary } from '../../preview/summary';
import { selectorCandidates } from '../../selectors';
import { isElementStep, pageMatches, type ClickEventCache } from '../draft';
import { locateChains } from '../heatmap/locate';
import type { ListedAction } from '../ui/ActionList';
import { api, describeError } from './api';
import { watchPage } from './watch-page';
import { useSelectorAttributes } from './useSelectorAttributes';

/** Replacement selectors offered for a broken action. */
const REPLACEMENTS = 3;

/**
 * A saved action as listed on this page. Broken = it has element steps, a stored match on this
 * page (origin + path) and no element on the page matches it now; then the element its last
 * match here was recorded on is looked for by that event's chain (same tag path, positions,
 * most attributes) and selectors for it are offered. `dataAttributes`: settings' selectorAttributes (the defaults when absent).
 */
export function listAction(action: StoredAction, summary: ActionSummary | null, doc: Document, events: ClickEventCache = new WeakMap(), dataAttributes?: string[]): ListedAction {
  const elementSteps = action.steps.filter(isElementStep);
  if (!elementSteps.length) return { action, summary, pageCount: null, broken: false, replacements: [], brokenStep: -1 };
  const found = pageMatches(action.steps, [doc], { events });
  const pageCount = 'elements' in found ? found.elements.length : 0;
  // Broken = the element its last match here was recorded on is still on the page (found by its
  // chain) but the action no longer matches anything. An element that is simply not rendered
  // now (a closed menu, a modal) is not evidence of a broken action.
  const last = pageCount === 0 ? summary?.lastHere?.chain : undefined;
  const still = last ? locateChains([{ chain: last, clicks: 1, lastMs: 0 }], doc).placed[0]?.element : undefined;
  const replacements = still ? selectorCandidates(still, dataAttributes && { dataAttributes }).filter((c) => c.matchesClick).slice(0, REPLACEMENTS) : [];
  // The step a replacement goes into: the first element step that matches nothing here.
  const brokenStep = 'perStep' in found ? found.perStep.findIndex((r) => !r.notElementStep && r.count === 0) : -1;
  return { action, summary, pageCount, broken: !!still, replacements, brokenStep };
}

/**
 * The site's saved actions with counts, matches on this page and broken badges; `reload` after a
 * change. While `active` (the list is shown), page changes re-judge page counts and badges.
 * A change of `countsTick` (events were stored: useStoredTicks) refetches the counts only.
 */
export function useSavedActions(site: string, url: string, doc: Document, active: boolean, countsTick = 0): { items: ListedAction[] | null; error: string; reload(): void } {
  const [actions, setActions] = useState<StoredAction[] | null>(null);
  // Summaries are for one page (origin + path): never judge a page with another page's evidence.
  const page = pageKey(url) ?? url;
  const [summaries, setSummaries] = useState<{ page: string; byId: Map<string, ActionSummary> }>({ page: '', byId: new Map() });
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let stale = false;
    void (async () => {
      try {
        const list = await api.list(site);
        if (stale) return;
        setActions(list); // names first, counts as soon as the store answers
        const answer = await api.summary(site, page);
        if (!stale) setSummaries({ page, byId: new Map(answer.map((s) => [s.id, s])) });
        setError('');
      } catch (e) {
        if (!stale) setError(describeError(e).message);
      }
    })();
    return () => {
      stale = true;
    };
  }, [site, page, generation]);
  // New events stored: only the counts are asked again (the actions themselves did not change).
  // An answer for a page the tab has since left (an SPA route) is dropped, not shown.
  const current = useRef({ site, page });
  current.current = { site, page };
  useEffect(() => {
    if (!countsTick) return;
    let stale = false;
    api.summary(site, page).then(
      (answer) => {
        if (stale || current.current.site !== site || current.current.page !== page) return;
        setSummaries({ page, byId: new Map(answer.map((s) => [s.id, s])) });
        setError('');
      },
      (e: unknown) => !stale && setError(describeError(e).message),
    );
    return () => {
      stale = true;
    };
    // Only a new tick asks again; a new site or page is the effect above.
  }, [countsTick]);
  // Judged now, and again when the page changes (SPA update, a widget re-rendered) while the list
  // is shown. The work runs inside watchPage's callback, so its cost throttles the next run.
  const [items, setItems] = useState<ListedAction[] | null>(null);
  const dataAttributes = useSelectorAttributes();
  useEffect(() => {
    if (!actions) return setItems(null);
    const current = summaries.page === page ? summaries.byId : new Map<string, ActionSummary>();
    const judge = () => {
      const events: ClickEventCache = new WeakMap();
      setItems(batchPositions(() => actions.map((a) => listAction(a, current.get(a.id) ?? null, doc, events, dataAttributes))));
    };
    judge();
    if (!active) return;
    const controller = new AbortController();
    watchPage(doc, controller.signal, judge);
    return () => controller.abort();
  }, [actions, summaries, page, doc, active, dataAttributes]);
  return { items, error, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
