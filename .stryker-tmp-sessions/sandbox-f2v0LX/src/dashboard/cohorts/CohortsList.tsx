// @ts-nocheck
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/protocol';
import type { CohortRow } from '../../store/cohorts';
import { routeHref } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { errorText, useRequest } from '../use-request';
import { downloadText } from './download';
import { ImportCohorts } from './ImportCohorts';

/** A row's member count (`cohorts.members` with a one-member page: the count is of all). */
function MemberCount({ id }: { id: string }) {
  const { data, error } = useRequest('cohorts.members', { id, limit: 1 });
  if (error) return <span class="error">{error}</span>;
  return <span data-testid="cohort-row-count">{data ? data.count.toLocaleString('en') : '…'}</span>;
}

/** "Delete X? Yes / Cancel", focused on Cancel when it appears so Enter never deletes by accident; Escape cancels. */
function ConfirmDelete({ name, onConfirm, onCancel }: { name: string; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <span role="group" aria-label={`Delete ${name}?`} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      Delete “{name}”?{' '}
      <button type="button" onClick={onConfirm}>Yes, delete</button>{' '}
      <button type="button" ref={cancel} onClick={onCancel}>Cancel</button>
    </span>
  );
}

/** The saved cohorts: name, kind, member count, open and delete (asks first); import and export. */
export function CohortsList() {
  const list = useRequest('cohorts.list', {});
  const [confirming, setConfirming] = useState<CohortRow | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const remove = async (row: CohortRow) => {
    setConfirming(null);
    try {
      await sendMessage('cohorts.delete', { id: row.id });
      setMessage({ error: false, text: `Deleted “${row.name}”.` });
      list.reload();
    } catch (e) {
      setMessage({ error: true, text: `Not deleted: ${errorText(e)}` });
    }
  };
  const exportAll = async () => {
    try {
      downloadText('cohorts.json', (await sendMessage('cohorts.export', {})).text);
    } catch (e) {
      setMessage({ error: true, text: `Not exported: ${errorText(e)}` });
    }
  };
  const rows = list.data ?? [];
  return (
    <>
      <p class="cohort-toolbar">
        <a class="button-link" href={routeHref('cohorts', 'new')}>New cohort</a>
        {rows.length > 0 && <button type="button" onClick={exportAll}>Export all as PostHog JSON</button>}
      </p>
      {message && <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : ''}>{message.text}</p>}
      {list.error && <ErrorMessage doing="load the cohorts" error={list.error} onRetry={list.reload} />}
      {list.data && rows.length === 0 && (
        <EmptyState title="No cohorts yet">
          <p>
            Build a cohort of people who did something, or import one from PostHog. <a href={routeHref('cohorts', 'new')}>Build a cohort</a>
          </p>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <table class="cohorts-table" data-testid="cohorts-table">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Members</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="cohort-row">
                <td><a href={routeHref('cohorts', row.id)}>{row.name}</a></td>
                <td>{row.definition.is_static ? 'static' : 'dynamic'}</td>
                <td><MemberCount key={row.updated_at} id={row.id} /></td>
                <td>
                  {confirming?.id === row.id ? (
                    <ConfirmDelete name={row.name} onConfirm={() => remove(row)} onCancel={() => setConfirming(null)} />
                  ) : (
                    <>
                      <a href={routeHref('cohorts', row.id)} aria-label={`Open ${row.name}`}>Open</a>{' '}
                      <button type="button" aria-label={`Delete ${row.name}`} onClick={() => setConfirming(row)}>Delete</button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportCohorts onImported={list.reload} />
    </>
  );
}
