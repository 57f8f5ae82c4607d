// @ts-nocheck
import { useState } from 'preact/hooks';
import { navigate, routeHref, type Route } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';
import { ActionEditor } from './ActionEditor';

/** `#/actions/<id>`: one action in the editor, with a link to its events. */
export function ActionPage({ route, id }: { route: Route; id: string }) {
  const all = useRequest('actions.listAll', {});
  const [saved, setSaved] = useState('');
  const action = all.data?.flatMap((g) => g.actions).find((a) => a.id === id);
  const back = routeHref('actions', undefined, route.query);
  return (
    <section aria-labelledby="view-title" class="actions-view">
      <p><a href={back}>← All actions</a></p>
      <h2 id="view-title">{action ? action.name : 'Action'}</h2>
      {all.error && <ErrorMessage doing="load the action" error={all.error} onRetry={all.reload} />}
      {all.loading && !all.data && <p class="muted">Loading…</p>}
      {all.data && !action && (
        <EmptyState title="No such action">
          It may have been deleted. <a href={back}>See every action</a>.
        </EmptyState>
      )}
      {action && (
        <>
          <p class="muted">
            {action.site} · <a href={routeHref('events', undefined, { action: action.id, site: action.site })}>Its events</a>
          </p>
          <p role="status" class="muted" data-testid="saved-status">{saved}</p>
          <ActionEditor
            key={`${action.id}:${action.updated_at}`}
            action={action}
            onSaved={(a) => {
              setSaved(`Saved “${a.name}”.`);
              all.reload();
            }}
            onCancel={() => navigate(back)}
          />
        </>
      )}
    </section>
  );
}
