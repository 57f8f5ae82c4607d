// @ts-nocheck
import { navigate, type Route } from './route';
import { useRequest } from './use-request';

/** The sites to offer: those with stored events, then those with only actions, each once (pure). */
export function siteChoices(withEvents: { site: string; events: number }[], withActions: { site: string; actions: unknown[] }[]): { site: string; events: number }[] {
  const seen = new Set(withEvents.map((s) => s.site));
  const extra = withActions.filter((s) => s.actions.length && !seen.has(s.site)).map((s) => ({ site: s.site, events: 0 }));
  return [...withEvents.map(({ site, events }) => ({ site, events })), ...extra];
}

/**
 * The site every view is narrowed to: `site` in the route's query (kept when moving between
 * views). "All sites" removes it. A site in the route that has no data yet is still offered, so a
 * bookmarked filter is never silently dropped.
 */
export function SitePicker({ route }: { route: Route }) {
  const sites = useRequest('query.sites', {});
  const actions = useRequest('actions.listAll', {});
  const current = route.query.get('site') ?? '';
  const choices = siteChoices(sites.data ?? [], actions.data ?? []);
  if (current && !choices.some((c) => c.site === current)) choices.push({ site: current, events: 0 });
  const change = (site: string) => {
    const query = new URLSearchParams(route.query);
    if (site) query.set('site', site);
    else query.delete('site');
    // A detail belongs to its list's site: changing site goes back to the list.
    navigate({ view: route.view === 'not-found' ? 'events' : route.view, query });
  };
  return (
    <label class="site-picker">
      <span>Site</span>
      <select data-testid="site-picker" value={current} onChange={(e) => change(e.currentTarget.value)}>
        <option value="">All sites</option>
        {choices.map((c) => (
          <option key={c.site} value={c.site}>
            {c.site} ({c.events.toLocaleString('en')} events)
          </option>
        ))}
      </select>
      {(sites.error || actions.error) && (
        <span class="error" role="alert">
          Sites could not be listed: {sites.error ?? actions.error}
        </span>
      )}
    </label>
  );
}
