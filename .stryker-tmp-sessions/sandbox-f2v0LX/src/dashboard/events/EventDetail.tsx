// @ts-nocheck
import { useEffect } from 'preact/hooks';
import { propertyRows } from '../../ui/describe';
import { navigate, routeHref, type Route } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';
import { formatTime } from './columns';
import { ElementChain } from './ElementChain';

/**
 * One event (`#/events/<uuid>`): name, time, person and session (links), its element chain as a
 * breadcrumb, and every property. Esc or "Back to events" returns to the list with its filters.
 */
export function EventDetail({ route, uuid }: { route: Route; uuid: string }) {
  const { data: event, error, loading, reload } = useRequest('query.event', { uuid });
  const back = routeHref('events', undefined, route.query);
  useEffect(() => {
    const controller = new AbortController();
    window.addEventListener('keydown', (e) => e.key === 'Escape' && !e.defaultPrevented && navigate(back), { signal: controller.signal });
    return () => controller.abort();
  }, [back]);
  const session = typeof event?.properties.$session_id === 'string' ? event.properties.$session_id : null;
  const chain = typeof event?.properties.$elements_chain === 'string' ? event.properties.$elements_chain : '';
  return (
    <section aria-labelledby="view-title" class="event-detail" data-testid="event-detail">
      <p>
        <a href={back} data-testid="back-to-events">
          ← Back to events
        </a>{' '}
        <span class="muted">(Esc)</span>
      </p>
      {error && <ErrorMessage doing="load this event" error={error} onRetry={reload} />}
      {!error && !loading && !event && (
        <EmptyState title="There is no stored event with this id." testId="event-missing">
          <p>It may have been deleted by retention or “Delete this site’s data”. Go back to the list to pick another.</p>
        </EmptyState>
      )}
      {event && (
        <>
          <h2 id="view-title" class="mono">
            {event.event}
          </h2>
          <p class="event-meta">
            <time dateTime={event.timestamp}>{formatTime(event.timestamp)}</time> · person{' '}
            <a href={routeHref('persons', event.distinct_id, { site: route.query.get('site') ?? undefined })}>{event.distinct_id}</a>
            {session && (
              <>
                {' '}
                · session <a href={routeHref('sessions', session, { site: route.query.get('site') ?? undefined })}>{session}</a>
              </>
            )}
          </p>
          {chain && (
            <>
              <h3>Element chain</h3>
              <ElementChain chain={chain} />
            </>
          )}
          <h3>Properties</h3>
          <dl class="props" data-testid="event-properties">
            {propertyRows(event).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {!event && <h2 id="view-title">Event {uuid}</h2>}
    </section>
  );
}
