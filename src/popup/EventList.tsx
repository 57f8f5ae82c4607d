import { useEffect, useState } from 'preact/hooks';
import type { CaptureEvent } from '../events/types';
import { relativeTime } from '../ui/time';
import { describeEvent } from '../ui/describe';

/** Latest events, newest first: name, what it was about, relative time (re-rendered every 5 s). */
export function EventList({ events }: { events: CaptureEvent[] }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  if (!events.length) return <p class="muted" data-testid="no-events">No events from this tab yet.</p>;
  return (
    <ol class="events" data-testid="event-list">
      {events.map((e) => (
        <li key={e.uuid} data-event={e.event}>
          <span class="event-name">{e.event}</span>
          <span class="event-what">{describeEvent(e)}</span>
          <time dateTime={e.timestamp}>{relativeTime(Date.parse(e.timestamp), now)}</time>
        </li>
      ))}
    </ol>
  );
}
