// @ts-nocheck
import type { CaptureEvent } from '../../events/types';
import type { PropertySource } from '../../store/queries/person-sources';
import type { SessionRow } from '../../store/sessions';
import { describeEvent, eventLabel } from '../../ui/describe';
import { navigate, routeHref, type Route } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Table, type Column } from '../ui/Table';
import { useRequest } from '../use-request';
import { formatDuration, formatTime, valueText, warningText } from './format';
import { PersonCohorts } from './PersonCohorts';

/** Latest events shown on a profile; the rest are one link away in Events. */
const LATEST = 20;
/** Sessions `query.person` gives (its newest). */
const SESSIONS_SHOWN = 20;

const SESSION_COLUMNS: Column<SessionRow>[] = [
  { key: 'start', label: 'Start', width: '11rem', render: (s) => formatTime(String(s.$start_timestamp)) },
  { key: 'duration', label: 'Duration', width: '7rem', render: (s) => formatDuration(Number(s.$session_duration)) },
  { key: 'entry', label: 'Entry URL', render: (s) => valueText(s.$entry_current_url ?? '—') },
  { key: 'channel', label: 'Channel', width: '9rem', render: (s) => String(s.$channel_type) },
];

const EVENT_COLUMNS: Column<CaptureEvent>[] = [
  { key: 'time', label: 'Time', width: '11rem', render: (e) => formatTime(e.timestamp) },
  { key: 'event', label: 'Event', width: '9rem', render: (e) => eventLabel(e) },
  { key: 'what', label: 'Element or page', render: (e) => describeEvent(e) },
];

/** "set by <event> (<how>)", linking to the event; "—" when no source was found. */
function sourceLink(source: PropertySource | undefined, site: string | undefined) {
  if (!source) return <span class="muted">—</span>;
  return (
    <>
      set by <a href={routeHref('events', source.uuid, { site })}>{source.event}</a> <span class="muted">{formatTime(source.timestamp)} ({source.how})</span>
    </>
  );
}

/**
 * `#/persons/<distinct id>`: the profile of the person holding that id (`query.person`): its
 * properties, every distinct id, merge warnings, sessions, latest events and cohorts.
 */
export function PersonProfile({ route, distinctId }: { route: Route; distinctId: string }) {
  const { data, error, reload } = useRequest('query.person', { distinctId, events: LATEST });
  const site = route.query.get('site') ?? undefined;
  const back = <a href={routeHref('persons', undefined, { site })}>All persons</a>;
  const title = (
    <h2 id="view-title">
      Person <span class="mono">{distinctId}</span>
    </h2>
  );
  if (error) return <section aria-labelledby="view-title">{title}<ErrorMessage doing="load this person" error={error} onRetry={reload} />{back}</section>;
  if (!data) return <section aria-labelledby="view-title" aria-busy="true">{title}<p class="muted">Loading…</p></section>;
  if (!data.person && data.eventCount === 0) {
    return (
      <section aria-labelledby="view-title">
        {title}
        <EmptyState title={`No person has the distinct id “${distinctId}”.`} testId="person-unknown">
          <p>It may have been deleted by retention, or never been seen. Search for it in {back}.</p>
        </EmptyState>
      </section>
    );
  }
  const properties = Object.entries(data.person?.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return (
    <section aria-labelledby="view-title" class="profile">
      {title}
      <p>
        {back} · <a href={routeHref('events', undefined, { site, person: distinctId })}>All {data.eventCount.toLocaleString('en')} events of this person</a>
      </p>
      <dl class="facts" data-testid="person-facts">
        <dt>First seen</dt><dd>{formatTime(data.firstSeen)}</dd>
        <dt>Last seen</dt><dd>{formatTime(data.lastSeen)}</dd>
        <dt>Events</dt><dd data-testid="person-event-count">{data.eventCount.toLocaleString('en')}</dd>
        {data.person && (<><dt>Identified</dt><dd>{data.person.is_identified ? 'yes' : 'no (anonymous)'}</dd></>)}
      </dl>
      {!data.person && <p class="muted">Its events were sent without person processing, so there is no person profile: only its events and sessions are shown.</p>}

      <h3>Distinct ids</h3>
      <ul class="plain-list mono" data-testid="person-ids">
        {data.distinctIds.map((id) => <li key={id}>{id}</li>)}
      </ul>

      <h3>Properties</h3>
      <p class="muted">
        Current values, each with the event that set it ($set: the latest giving that value; $set_once: the first), looked for among the person’s 250 newest and 250 oldest events — “—” when it lies beyond them or came with a merged person.
      </p>
      {properties.length ? (
        <dl class="facts props" data-testid="person-properties">
          {properties.map(([k, v]) => (
            <div key={k} class="fact" data-key={k}>
              <dt class="mono">{k}</dt>
              <dd>{valueText(v)}</dd>
              <dd class="source" data-uuid={data.propertySources[k]?.uuid}>
                {k === '$creator_event_uuid' && typeof v === 'string' ? <>set when <a href={routeHref('events', v, { site })}>its first event</a> created the person</> : sourceLink(data.propertySources[k], site)}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="muted">No properties: its events set none ($set, $set_once or identify with properties).</p>
      )}

      <h3>Merge warnings</h3>
      {data.warnings.length ? (
        <ul class="plain-list" data-testid="person-warnings">
          {data.warnings.map((w) => {
            const { text, type } = warningText(w.reason);
            return (
              <li key={`${w.uuid}/${w.n}`}>
                {text} {type && <span class="muted">({type})</span>} — <a href={routeHref('events', w.uuid, { site })}>the event</a>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">None: every merge of this person’s ids was applied.</p>
      )}

      <h3>Sessions</h3>
      {data.sessions.length === SESSIONS_SHOWN && <p class="muted">The {SESSIONS_SHOWN} newest are shown.</p>}
      {data.sessions.length ? (
        <Table label="Sessions of this person" columns={SESSION_COLUMNS} rows={data.sessions} rowKey={(s) => s.$session_id} onOpen={(s) => navigate(routeHref('sessions', s.$session_id, { site }))} />
      ) : (
        <p class="muted">No sessions: its events carry no session id.</p>
      )}

      <h3>Latest events</h3>
      {data.latestEvents.length ? (
        <Table label="Latest events of this person" columns={EVENT_COLUMNS} rows={data.latestEvents} rowKey={(e) => e.uuid} onOpen={(e) => navigate(routeHref('events', e.uuid, { site }))} />
      ) : (
        <p class="muted">No stored events.</p>
      )}

      <h3>Cohorts</h3>
      <PersonCohorts distinctId={distinctId} />
    </section>
  );
}
