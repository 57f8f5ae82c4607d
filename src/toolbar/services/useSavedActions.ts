import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { selectorCandidates } from '../../selectors';
import { isElementStep, pageMatches } from '../draft';
import { locateChains } from '../heatmap/locate';
import type { ActionSummary } from '../state';
import type { ListedAction } from '../ui/ActionList';
import { api, describeError } from './api';

/** Replacement selectors offered for a broken action. */
const REPLACEMENTS = 3;

/**
 * A saved action as listed on this page. Broken = it has element steps, a stored match on this
 * page (origin + path) and no element on the page matches it now; then the element its last
 * match here was recorded on is looked for by that event's chain (same tag path, positions,
 * most attributes) and selectors for it are offered.
 */
export function listAction(action: StoredAction, summary: ActionSummary | null, doc: Document): ListedAction {
  const elementSteps = action.steps.filter(isElementStep);
  if (!elementSteps.length) return { action, summary, pageCount: null, broken: false, replacements: [] };
  const found = pageMatches(action.steps, [doc]);
  const pageCount = 'elements' in found ? found.elements.length : 0;
  const broken = pageCount === 0 && !!summary?.lastHere?.chain;
  let replacements: ListedAction['replacements'] = [];
  if (broken) {
    const { placed } = locateChains([{ chain: summary!.lastHere!.chain, clicks: 1, lastMs: 0 }], doc);
    if (placed[0]) replacements = selectorCandidates(placed[0].element).filter((c) => c.matchesClick).slice(0, REPLACEMENTS);
  }
  return { action, summary, pageCount, broken, replacements };
}

/** The site's saved actions with counts, matches on this page and broken badges; `reload` after a change. */
export function useSavedActions(site: string, url: string, doc: Document): { items: ListedAction[] | null; error: string; reload(): void } {
  const [items, setItems] = useState<ListedAction[] | null>(null);
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let stale = false;
    void (async () => {
      try {
        const actions = await api.list(site);
        if (stale) return;
        // Names first, counts as soon as the store answers.
        setItems(actions.map((a) => listAction(a, null, doc)));
        const summaries = new Map((await api.summary(site, url)).map((s) => [s.id, s]));
        if (!stale) setItems(actions.map((a) => listAction(a, summaries.get(a.id) ?? null, doc)));
        setError('');
      } catch (e) {
        if (!stale) setError(describeError(e).message);
      }
    })();
    return () => {
      stale = true;
    };
  }, [site, url, doc, generation]);
  return { items, error, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
