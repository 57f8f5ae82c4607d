// @ts-nocheck
import type { StoredAction } from '../../actions/types';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';
import { CohortEditor } from './CohortEditor';

/**
 * `#/cohorts/<id>` and `#/cohorts/new`: loads the saved cohorts (the one edited, and the others a
 * condition may refer to), the actions and the sites' event names, then shows the editor; a new
 * cohort given `staticIds` starts as a static one of them.
 */
export function CohortPage({ id, staticIds = [] }: { id: string; staticIds?: string[] }) {
  const list = useRequest('cohorts.list', {});
  const actions = useRequest('actions.listAll', {});
  const sites = useRequest('query.sites', {});
  if (list.error) return <ErrorMessage doing="load the cohorts" error={list.error} onRetry={list.reload} />;
  if (actions.error) return <ErrorMessage doing="load the actions" error={actions.error} onRetry={actions.reload} />;
  if (!list.data || !actions.data) return <p class="muted" role="status">Loading the cohort…</p>;
  const row = id === 'new' ? null : list.data.find((c) => c.id === id);
  if (row === undefined) {
    return (
      <p role="alert">
        There is no cohort <code>{id}</code>. <a href="#/cohorts">Back to the cohorts</a>
      </p>
    );
  }
  const stored: StoredAction[] = actions.data.flatMap((s) => s.actions);
  const events = [...new Set((sites.data ?? []).flatMap((s) => s.eventNames))];
  return <CohortEditor key={row?.id ?? 'new'} row={row} staticIds={row ? [] : staticIds} cohorts={list.data} actions={stored} events={events} onSaved={list.reload} />;
}
