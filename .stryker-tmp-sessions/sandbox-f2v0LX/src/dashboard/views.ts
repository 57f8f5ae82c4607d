// @ts-nocheck
import type { ComponentType } from 'preact';
import type { Route, ViewName } from './route';
import { ActionsView } from './actions/ActionsView';
import { CohortsView } from './cohorts/CohortsView';
import { EventsView } from './events/EventsView';
import { PersonsView } from './persons/PersonsView';
import { SessionsView } from './sessions/SessionsView';
import { TrendsView } from './trends/TrendsView';

/** What every view receives: the current route (view, id, filters). A view reads its filters from `route.query`. */
export interface ViewProps {
  route: Route;
}

/** One entry of the route table: the nav label and the component of `#/<view>` and `#/<view>/<id>`. */
export interface ViewEntry {
  view: ViewName;
  label: string;
  component: ComponentType<ViewProps>;
}

/**
 * THE route table: one entry per view, in nav order. A new view is added here
 * and nowhere else (README: "Adding a view").
 */
export const VIEWS: readonly ViewEntry[] = [
  { view: 'events', label: 'Events', component: EventsView },
  { view: 'persons', label: 'Persons', component: PersonsView },
  { view: 'sessions', label: 'Sessions', component: SessionsView },
  { view: 'cohorts', label: 'Cohorts', component: CohortsView },
  { view: 'actions', label: 'Actions', component: ActionsView },
  { view: 'trends', label: 'Trends', component: TrendsView },
];

/** The table entry of a view. */
export const viewEntry = (view: ViewName): ViewEntry => VIEWS.find((v) => v.view === view)!;
