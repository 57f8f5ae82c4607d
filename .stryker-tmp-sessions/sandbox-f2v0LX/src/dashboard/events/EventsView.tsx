// @ts-nocheck
import type { ViewProps } from '../views';
import { EventDetail } from './EventDetail';
import { EventsList } from './EventsList';

/** `#/events` (the list) and `#/events/<uuid>` (one event). */
export function EventsView({ route }: ViewProps) {
  return route.id ? <EventDetail route={route} uuid={route.id} /> : <EventsList route={route} />;
}
