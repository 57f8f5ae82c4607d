import type { Route } from '../route';
import { EmptyState } from './EmptyState';

/**
 * A view that is not built yet: says what will be there, shows nothing made up. `coming(…)` makes
 * the placeholder component registered in ./views.ts until the real view replaces it.
 */
export function coming(title: string, what: string) {
  return function ComingView({ route }: { route: Route }) {
    return (
      <section aria-labelledby="view-title">
        <h2 id="view-title">{title}</h2>
        <EmptyState title={`${title} is coming`} testId="coming">
          <p>{what}</p>
          {route.id && <p class="muted">Asked for: {route.id}</p>}
        </EmptyState>
      </section>
    );
  };
}
