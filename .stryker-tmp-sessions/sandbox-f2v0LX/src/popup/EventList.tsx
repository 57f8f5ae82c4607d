// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { CaptureEvent } from '../events/types';
import { relativeTime } from '../ui/time';
import { describeEvent, eventLabel, propertyRows } from '../ui/describe';

/**
 * Latest events, newest first: kind (click / change / submit / pageview …), what it was about,
 * relative time (re-rendered every 5 s). Each row is a disclosure button that shows the event's
 * properties as a key/value list (Enter / Space, like any button).
 */
export function EventList({ events }: { events: CaptureEvent[] }) {
  const [now, setNow] = useState(Date.now());
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  if (!events.length) return <p class="muted" data-testid="no-events">No events from this tab yet. Use the page (click, type, navigate) and they appear here.</p>;
  return (
    <ol class="events" data-testid="event-list">
      {events.map((e) => {
        const expanded = open === e.uuid;
        const id = `props-${e.uuid}`;
        return (
          <li key={e.uuid} data-event={e.event} data-label={eventLabel(e)}>
            <button type="button" class="event-row" aria-expanded={expanded} aria-controls={id} onClick={() => setOpen(expanded ? null : e.uuid)}>
              <span class="event-name">{eventLabel(e)}</span>
              <span class="event-what">{describeEvent(e)}</span>
              <time dateTime={e.timestamp}>{relativeTime(Date.parse(e.timestamp), now)}</time>
            </button>
            {/* Always in the DOM (hidden when closed) so aria-controls names an element that exists. */}
            <dl id={id} class="event-props" data-testid="event-properties" hidden={!expanded}>
              {expanded && propertyRows(e).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
