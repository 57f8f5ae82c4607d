import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { selectorCandidates } from '../../selectors';
import { isElementStep, pageMatches, type ClickEventCache } from '../draft';
import { locateChains } from '../heatmap/locate';
import type { ActionSummary } from '../state';
import type { ListedAction } from '../ui/ActionList';
import { api, describeError } from './api';
import { watchPage } from './watch-page';

/** Replacement selectors offered for a broken action. */
const REPLACEMENTS = 3;

/**
 * A saved action as listed on this page. Broken = it has element steps, a stored match on this
 * page (origin + path) and no element on the page matches it now; then the element its last
 * match here was recorded on is looked for by that event's chain (same tag path, positions,
 * most attributes) and selectors for it are offered.
 */
export function listAction(action: StoredAction, summary: ActionSummary | null, doc: Document, events: ClickEventCache = new WeakMap()): ListedAction {
  const elementSteps = action.steps.filter(isElementStep);
  if (!elementSteps.length) return { action, summary, pageCount: null, broken: false, replacements: [] };
  const found = pageMatches(action.steps, [doc], { events });
  const pageCount = 'elements' in found ? found.elements.length : 0;
  const broken = pageCount === 0 && !!summary?.lastHere?.chain;
  let replacements: ListedAction['replacements'] = [];
  if (broken) {
    const { placed } = locateChains([{ chain: summary!.lastHere!.chain, clicks: 1, lastMs: 0 }], doc);
    if (placed[0]) replacements = selectorCandidates(placed[0].element).filter((c) => c.matchesClick).slice(0, REPLACEMENTS);
  }
  return { action, summary, pageCount, broken, replacements };
}

/**
 * The site's saved actions with counts, matches on this page and broken badges; `reload` after a
 * change. While `active` (the list is shown), page changes re-judge page counts and badges.
 */
export function useSavedActions(site: string, url: string, doc: Document, active: boolean): { items: ListedAction[] | null; error: string; reload(): void } {
  const [actions, setActions] = useState<StoredAction[] | null>(null);
  const [summaries, setSummaries] = useState<Map<string, ActionSummary>>(new Map());
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);
  const [pageVersion, setPageVersion] = useState(0);
  useEffect(() => {
    let stale = false;
    void (async () => {
      try {
        const list = await api.list(site);
        if (stale) return;
        setActions(list); // names first, counts as soon as the store answers
        const answer = await api.summary(site, url);
        if (!stale) setSummaries(new Map(answer.map((s) => [s.id, s])));
        setError('');
      } catch (e) {
        if (!stale) setError(describeError(e).message);
      }
    })();
    return () => {
      stale = true;
    };
  }, [site, url, generation]);
  // The page changed (SPA update, a widget re-rendered): page counts and badges are judged again.
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    setPageVersion((v) => v + 1);
    watchPage(doc, controller.signal, () => setPageVersion((v) => v + 1));
    return () => controller.abort();
  }, [doc, active]);
  const items = useMemo(() => {
    if (!actions) return null;
    const events: ClickEventCache = new WeakMap();
    return actions.map((a) => listAction(a, summaries.get(a.id) ?? null, doc, events));
  }, [actions, summaries, doc, pageVersion]);
  return { items, error, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
