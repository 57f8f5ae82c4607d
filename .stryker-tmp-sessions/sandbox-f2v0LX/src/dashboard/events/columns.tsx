// @ts-nocheck
import type { CaptureEvent } from '../../events/types';
import { describeEvent, eventLabel } from '../../ui/describe';
import type { Column } from '../ui/Table';
import { matchedActionNames, type ActionMatcher } from './action-names';

/** A stored time as the dashboard shows it: local date and time to the second (pure). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** What the element text column shows: the element's text for an autocapture, else nothing (pure). */
export function elementText(event: CaptureEvent): string {
  if (event.event !== '$autocapture' && event.event !== '$rageclick') return '';
  return describeEvent(event);
}

/** The Events table's columns: time, event (with the actions it matches), person, URL, element text. */
export function eventColumns(matchers: ActionMatcher[]): Column<CaptureEvent>[] {
  return [
    { key: 'time', label: 'Time', width: '11.5rem', render: (e) => <time dateTime={e.timestamp}>{formatTime(e.timestamp)}</time> },
    {
      key: 'event',
      label: 'Event',
      width: 'minmax(9rem, 1.2fr)',
      render: (e) => {
        const actions = matchedActionNames(e, matchers);
        return (
          <>
            <span class="mono" title={e.event}>
              {eventLabel(e)}
            </span>
            {actions.map((name) => (
              <span class="badge" key={name} title={`Matches the action “${name}”`}>
                {name}
              </span>
            ))}
          </>
        );
      },
    },
    { key: 'person', label: 'Person', width: 'minmax(8rem, 1fr)', render: (e) => <span title={e.distinct_id}>{e.distinct_id}</span> },
    { key: 'url', label: 'URL', width: 'minmax(10rem, 2fr)', render: (e) => <span title={String(e.properties.$current_url ?? '')}>{String(e.properties.$current_url ?? '')}</span> },
    { key: 'text', label: 'Element text', width: 'minmax(8rem, 1fr)', render: (e) => elementText(e) },
  ];
}
