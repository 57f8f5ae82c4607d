// @ts-nocheck
import type { SessionRow } from '../../store/sessions';
import { formatDuration, formatTime, valueText } from '../persons/format';
import { navigate, routeHref, type Route } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ListFooter } from '../ui/ListFooter';
import { Table, type Column } from '../ui/Table';
import { usePages } from '../use-pages';
import { CHANNEL_TYPES, SESSIONS_KEYS, sessionsRequest } from './sessions-query';

const bounceText = (b: unknown) => (b === true ? 'yes' : b === false ? 'no' : '—');

const COLUMNS: Column<SessionRow>[] = [
  { key: 'start', label: 'Start', width: '11rem', render: (s) => formatTime(String(s.$start_timestamp)) },
  { key: 'duration', label: 'Duration', width: '7rem', render: (s) => <span data-seconds={String(s.$session_duration)}>{formatDuration(Number(s.$session_duration))}</span> },
  { key: 'entry', label: 'Entry URL', width: 'minmax(12rem, 3fr)', render: (s) => valueText(s.$entry_current_url ?? '—') },
  { key: 'pageviews', label: 'Pageviews', width: '6rem', render: (s) => String(s.$pageview_count) },
  { key: 'bounce', label: 'Bounce', width: '5rem', render: (s) => bounceText(s.$is_bounce) },
  { key: 'channel', label: 'Channel', width: '9rem', render: (s) => String(s.$channel_type) },
];

/**
 * `#/sessions`: sessions newest first, filtered by the route (site, channel, bounce, days, entry
 * URL; ./sessions-query.ts), pages of 50 by keyset; a row opens the session.
 */
export function SessionsList({ route }: { route: Route }) {
  const { request, problems } = sessionsRequest(route.query);
  const pages = usePages('query.sessions', request);
  const set = (key: string, value: string) => {
    const query = new URLSearchParams(route.query);
    query.delete(key);
    if (value !== '') query.set(key, value);
    navigate({ view: 'sessions', query }, { replace: true });
  };
  const get = (key: string) => route.query.get(key) ?? '';
  const filtered = Object.keys(request.filter ?? {}).length > 0;
  return (
    <section aria-labelledby="view-title" class="people-list">
      <h2 id="view-title">Sessions</h2>
      <form class="filters" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>Channel</span>
          <select data-testid="sessions-channel" value={get(SESSIONS_KEYS.channel)} onChange={(e) => set(SESSIONS_KEYS.channel, e.currentTarget.value)}>
            <option value="">Any channel</option>
            {CHANNEL_TYPES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>
          <span>Bounce</span>
          <select data-testid="sessions-bounce" value={get(SESSIONS_KEYS.bounce)} onChange={(e) => set(SESSIONS_KEYS.bounce, e.currentTarget.value)}>
            <option value="">Any</option>
            <option value="yes">Bounced</option>
            <option value="no">Not bounced</option>
          </select>
        </label>
        <label>
          <span>From</span>
          <input type="date" data-testid="sessions-from" value={get(SESSIONS_KEYS.from)} onChange={(e) => set(SESSIONS_KEYS.from, e.currentTarget.value)} />
        </label>
        <label>
          <span>To</span>
          <input type="date" data-testid="sessions-to" value={get(SESSIONS_KEYS.to)} onChange={(e) => set(SESSIONS_KEYS.to, e.currentTarget.value)} />
        </label>
        <label>
          <span>Entry URL contains</span>
          <input type="search" data-testid="sessions-entry" value={get(SESSIONS_KEYS.entry)} onInput={(e) => set(SESSIONS_KEYS.entry, e.currentTarget.value)} />
        </label>
      </form>
      {problems.length > 0 && (
        <ul class="error" role="alert" data-testid="filter-problems">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      {pages.error && <ErrorMessage doing="list sessions" error={pages.error} onRetry={pages.reload} />}
      {!pages.error && !pages.loading && pages.rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No session matches these filters.">
            <p>Widen the days or clear a filter, or <a href={routeHref('sessions')}>show every session of every site</a>.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No sessions stored yet.">
            <p>Sessions appear when a site with capture switched on is visited: switch capture on for a site in Lasso’s popup, then browse it.</p>
          </EmptyState>
        )
      ) : (
        <Table label="Sessions" columns={COLUMNS} rows={pages.rows} rowKey={(s) => s.$session_id} onOpen={(s) => navigate(routeHref('sessions', s.$session_id, { site: route.query.get('site') ?? undefined }))} />
      )}
      <ListFooter count={pages.rows.length} what="sessions" {...pages} />
    </section>
  );
}
