// @ts-nocheck
import { useEffect } from 'preact/hooks';
import { routeHref, useRoute, type Route } from './route';
import { SitePicker } from './SitePicker';
import { EmptyState } from './ui/EmptyState';
import { VIEWS, viewEntry } from './views';

/** The filters that follow the user from view to view (only the site: other filters mean something per view). */
const carried = (route: Route): Record<string, string | undefined> => ({ site: route.query.get('site') ?? undefined });

/**
 * The dashboard page: header (name, site picker), nav, and the view of the current hash route
 * (route table: ./views.ts). Views get `{ route }` and navigate by links or `navigate()`.
 */
export function App() {
  const route = useRoute();
  const entry = route.view === 'not-found' ? null : viewEntry(route.view);
  useEffect(() => {
    document.title = `Lasso · ${entry ? entry.label : 'Not found'}`;
  }, [entry]);
  const View = entry?.component;
  return (
    <div class="dashboard">
      <header class="dash-header">
        <h1>Lasso</h1>
        <SitePicker route={route} />
        {/* The options page (capture sites, retention, deletion…), next to dashboard.html in the extension's root; a plain link so it opens like any page. */}
        <a class="dash-settings" href="options.html" data-testid="open-settings">Settings</a>
      </header>
      <nav aria-label="Views" class="dash-nav">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.view}>
              <a href={routeHref(v.view, undefined, carried(route))} aria-current={route.view === v.view ? 'page' : undefined} data-testid={`nav-${v.view}`}>
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="dash-main">
        {View ? (
          <View route={route} />
        ) : (
          <EmptyState title={`There is no page ${route.path ?? ''} in the dashboard.`} testId="not-found">
            <a href={routeHref('events', undefined, carried(route))}>Go to Events</a>
          </EmptyState>
        )}
      </main>
    </div>
  );
}
