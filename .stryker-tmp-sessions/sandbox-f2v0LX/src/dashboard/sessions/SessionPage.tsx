// @ts-nocheck
import type { CaptureEvent } from '../../events/types';
import { describeEvent, eventLabel } from '../../ui/describe';
import { formatDuration, formatOffset, formatTime, valueText } from '../persons/format';
import { routeHref, type Route } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ListFooter } from '../ui/ListFooter';
import { usePages } from '../use-pages';

/** Events per page of a session's timeline. */
const PAGE = 200;

/** The derived properties a session page lists, with their labels (keys as PostHog's sessions table names them). */
const DERIVED: [string, string][] = [
  ['Start', '$start_timestamp'], ['End', '$end_timestamp'], ['Duration', '$session_duration'], ['Channel', '$channel_type'],
  ['Bounce', '$is_bounce'], ['Pageviews', '$pageview_count'], ['Autocaptures', '$autocapture_count'],
  ['Entry URL', '$entry_current_url'], ['Exit URL', '$end_current_url'], ['Referring domain', '$entry_referring_domain'],
  ['UTM source', '$entry_utm_source'], ['UTM medium', '$entry_utm_medium'], ['UTM campaign', '$entry_utm_campaign'],
  ['UTM term', '$entry_utm_term'], ['UTM content', '$entry_utm_content'],
];

function derivedText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === '$session_duration') return formatDuration(Number(value));
  if (key === '$start_timestamp' || key === '$end_timestamp') return formatTime(String(value));
  if (key === '$is_bounce') return value ? 'yes' : 'no';
  return valueText(value);
}

/** What a timeline entry says beside its event name: element text or page, then the URL when it adds something. */
const urlOf = (e: CaptureEvent) => (typeof e.properties.$current_url === 'string' ? e.properties.$current_url : '');

/**
 * `#/sessions/<id>`: the session's derived properties and its events on a timeline, oldest first,
 * each with its offset from the session's start and a link to the event (pages of 200).
 */
export function SessionPage({ route, id }: { route: Route; id: string }) {
  const pages = usePages('query.session', { id, limit: PAGE });
  const site = route.query.get('site') ?? undefined;
  const back = <a href={routeHref('sessions', undefined, { site })}>All sessions</a>;
  const session = pages.answer?.session ?? null;
  const title = (
    <h2 id="view-title">
      Session <span class="mono">{id}</span>
    </h2>
  );
  if (pages.error && !pages.answer) return <section aria-labelledby="view-title">{title}<ErrorMessage doing="load this session" error={pages.error} onRetry={pages.reload} />{back}</section>;
  if (!pages.answer) return <section aria-labelledby="view-title" aria-busy="true">{title}<p class="muted">Loading…</p></section>;
  if (!session) {
    return (
      <section aria-labelledby="view-title">
        {title}
        <EmptyState title={`No session has the id “${id}”.`} testId="session-unknown">
          <p>Its events may have been deleted by retention. Pick one from {back}.</p>
        </EmptyState>
      </section>
    );
  }
  const start = Date.parse(String(session.$start_timestamp));
  const person = typeof session.distinct_id === 'string' ? session.distinct_id : null;
  return (
    <section aria-labelledby="view-title" class="profile">
      {title}
      <p>
        {back}
        {person && <> · Person <a class="mono" href={routeHref('persons', person, { site })}>{person}</a></>}
        {' · '}<a href={routeHref('events', undefined, { site, session: id })}>These events in Events</a>
      </p>
      <dl class="facts" data-testid="session-facts">
        {DERIVED.map(([label, key]) => (
          <div key={key} class="fact" data-key={key} data-value={String(session[key])}>
            <dt>{label}</dt><dd>{derivedText(key, session[key])}</dd>
          </div>
        ))}
      </dl>
      <h3>Timeline</h3>
      <ol class="timeline" data-testid="session-timeline" aria-label="Events of this session, oldest first">
        {pages.rows.map((e) => {
          const what = describeEvent(e);
          const url = urlOf(e);
          return (
            <li key={e.uuid} data-uuid={e.uuid}>
              <span class="offset mono">{formatOffset(Date.parse(e.timestamp) - start)}</span>
              <a href={routeHref('events', e.uuid, { site })}>{eventLabel(e)}</a>
              <span class="what">{what}</span>
              {url && !url.endsWith(what) && <span class="muted url">{url}</span>}
            </li>
          );
        })}
      </ol>
      {pages.error && <ErrorMessage doing="load more events" error={pages.error} onRetry={pages.loadMore} />}
      <ListFooter count={pages.rows.length} what="events" {...pages} />
    </section>
  );
}
