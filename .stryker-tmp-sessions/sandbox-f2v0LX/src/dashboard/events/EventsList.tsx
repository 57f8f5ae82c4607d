// @ts-nocheck
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { CaptureEvent } from '../../events/types';
import { navigate, routeHref, type Route } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { EventsExport } from '../export/EventsExport';
import { VirtualTable } from '../ui/VirtualTable';
import { useRequest } from '../use-request';
import { useActionMatchers } from './action-names';
import { eventColumns } from './columns';
import { EventFilters } from './EventFilters';
import { activeFilterCount, filtersFromQuery, queryFromFilters, toFilterInput, type EventFilters as Filters } from './filters';
import { totalText } from './total';
import { useEventPages } from './use-event-pages';
import { useLiveRefresh } from './use-live-refresh';

/**
 * The event whose page was opened last: its row gets the focus back when the list is shown again
 * (Esc, Back). Module state on purpose: it must outlive the list while the event page is shown.
 */
let lastOpened: string | undefined;

/**
 * `#/events`: the filters (kept in the route), the total, and a virtualized table loading keyset
 * pages as the user scrolls. Live mode prepends what the store says matches as events arrive.
 */
export function EventsList({ route }: { route: Route }) {
  const { filters, problems } = useMemo(() => filtersFromQuery(route.query), [route]);
  // "Last hour" ends when the filters were set (the route changed), so the request stays the same between renders.
  const now = useMemo(() => Date.now(), [route]);
  const input = useMemo(() => toFilterInput(filters, now), [filters, now]);
  const pages = useEventPages(input);
  // Taken once per visit of the list, so a later visit does not pull the focus again.
  const [returnTo] = useState(() => {
    const uuid = lastOpened;
    lastOpened = undefined;
    return uuid;
  });
  const [liveError, setLiveError] = useState<string | null>(null);
  const newest = useCallback(() => (pages.rows[0] ? Date.parse(pages.rows[0].timestamp) : null), [pages.rows]);
  useLiveRefresh(filters.live, input, newest, pages.prepend, setLiveError);

  const sites = useRequest('query.sites', {});
  const { matchers, all: actions } = useActionMatchers();
  const columns = useMemo(() => eventColumns(matchers), [matchers]);
  const eventNames = useMemo(() => {
    const list = (sites.data ?? []).filter((s) => !filters.site || s.site === filters.site);
    return [...new Set(list.flatMap((s) => s.eventNames))];
  }, [sites.data, filters.site]);
  const siteActions = useMemo(() => actions.filter((a) => !filters.site || a.site === filters.site), [actions, filters.site]);

  const setFilters = (next: Filters) => navigate({ view: 'events', query: queryFromFilters(next) });
  const open = (e: CaptureEvent) => {
    lastOpened = e.uuid;
    navigate(routeHref('events', e.uuid, route.query));
  };
  const storeEmpty = sites.data !== null && sites.data.length === 0;

  return (
    <section aria-labelledby="view-title" class="events-view">
      <div class="view-head">
        <h2 id="view-title">Events</h2>
        <p class="total" data-testid="events-total" aria-live="polite">
          {pages.total || pages.rows.length ? totalText(pages.total, pages.rows.length) : pages.loading ? 'Counting…' : ''}
        </p>
      </div>
      <EventsExport filter={input} rows={pages.rows} site={filters.site} />
      <EventFilters filters={filters} onChange={setFilters} eventNames={eventNames} actions={siteActions} />
      {problems.length > 0 && (
        <ul class="error" role="alert" data-testid="filter-problems">
          {problems.map((p) => (
            <li key={p}>Filter ignored: {p}</li>
          ))}
        </ul>
      )}
      {liveError && <ErrorMessage doing="add new events live" error={liveError} />}
      {pages.error && <ErrorMessage doing="load events" error={pages.error} onRetry={pages.retry} />}
      {!pages.error && !pages.loading && pages.rows.length === 0 && pages.searching && (
        <EmptyState title="No matching events found yet: few events match these filters." testId="events-searching">
          <button type="button" onClick={pages.keepSearching}>
            Keep searching
          </button>
        </EmptyState>
      )}
      {!pages.error && !pages.loading && pages.rows.length === 0 && pages.done && (
        storeEmpty && !activeFilterCount(filters) ? (
          <EmptyState title="No events are stored yet." testId="events-empty">
            <p>Switch capture on for a site: open the site in a tab, click Lasso’s button and turn on “Capture on …”. Events appear here as you use the site.</p>
          </EmptyState>
        ) : (
          <EmptyState title={filters.site && storeEmpty === false && !sites.data?.some((s) => s.site === filters.site) ? `No events are stored for ${filters.site}.` : 'No events match these filters.'} testId="events-empty">
            <p>
              Widen the time range, remove a filter, or{' '}
              <a href={routeHref('events', undefined, { site: filters.site || undefined })}>clear all filters</a>.
              {filters.live && ' Live mode is on: matching events will appear here as they are stored.'}
            </p>
          </EmptyState>
        )
      )}
      {pages.rows.length > 0 && (
        <VirtualTable
          label="Events"
          columns={columns}
          rows={pages.rows}
          rowKey={(e) => e.uuid}
          total={pages.total && 'exact' in pages.total ? pages.total.exact : undefined}
          onOpen={open}
          onNearEnd={pages.loadMore}
          focusKey={returnTo}
          footer={
            pages.loading ? (
              'Loading more…'
            ) : pages.searching ? (
              <>
                Few events match: searched further without finding more yet.{' '}
                <button type="button" onClick={pages.keepSearching}>
                  Keep searching
                </button>
              </>
            ) : pages.done ? (
              `That is all: ${pages.rows.length.toLocaleString('en')} shown.`
            ) : null
          }
        />
      )}
    </section>
  );
}
