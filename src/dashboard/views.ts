import type { ComponentType } from 'preact';
import type { Route, ViewName } from './route';
import { EventsView } from './events/EventsView';
import { coming } from './ui/Coming';
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
 * THE route table: one entry per view, in nav order. A new view replaces its `coming(…)`
 * placeholder here and nowhere else (README: "Adding a view").
 */
export const VIEWS: readonly ViewEntry[] = [
  { view: 'events', label: 'Events', component: EventsView },
  { view: 'persons', label: 'Persons', component: PersonsView },
  { view: 'sessions', label: 'Sessions', component: SessionsView },
  { view: 'cohorts', label: 'Cohorts', component: coming('Cohorts', 'A builder for dynamic and static cohorts, their members and counts, and PostHog cohort JSON import and export.') },
  { view: 'actions', label: 'Actions', component: coming('Actions', 'Every site’s actions with counts and trends, the action editor, import and export as PostHog JSON, and “copy as Playwright test”.') },
  { view: 'trends', label: 'Trends', component: TrendsView },
];

/** The table entry of a view. */
export const viewEntry = (view: ViewName): ViewEntry => VIEWS.find((v) => v.view === view)!;
