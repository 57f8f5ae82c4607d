// @ts-nocheck
import { useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { sendMessage } from '../../messaging/protocol';
import { describeError } from '../../toolbar/services/api';
import { useUndoableDelete } from '../../toolbar/services/useUndoableDelete';
import { CopyPlaywright } from '../../toolbar/ui/CopyPlaywright';
import { draftFromAction, draftToAction, duplicateDraft } from '../../toolbar/draft';
import { navigate, routeHref, type Route } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { PostHogPanel } from './PostHogPanel';
import { Sparkline } from './Sparkline';
import { siteUrl, TREND_DAYS } from './trends';
import { useActionTrends } from './use-action-trends';

type Panel = 'none' | 'import' | 'export' | 'posthog';

/**
 * `#/actions`: every site's actions (or the route's site's) with their events over 14 days and a
 * sparkline, and per action: edit, duplicate, delete (with undo), copy as Playwright test. Import
 * and export open panels above the list.
 */
export function ActionsList({ route }: { route: Route }) {
  const site = route.query.get('site') ?? '';
  const all = useRequest('actions.listAll', {});
  const [version, setVersion] = useState(0);
  const [panel, setPanel] = useState<Panel>('none');
  const [problem, setProblem] = useState('');
  const reload = () => {
    all.reload();
    setVersion((n) => n + 1);
  };
  const undo = useUndoableDelete(reload, setProblem);
  const groups = (all.data ?? []).filter((g) => !site || g.site === site).filter((g) => g.actions.length);
  const actions = all.data ? groups.flatMap((g) => g.actions) : null;
  const trends = useActionTrends(actions, version);

  const duplicate = async (a: StoredAction) => {
    setProblem('');
    try {
      const copy = await sendMessage('actions.save', { action: draftToAction(duplicateDraft(draftFromAction(a))) });
      reload();
      navigate({ view: 'actions', id: copy.id, query: route.query });
    } catch (e) {
      setProblem(describeError(e).message);
    }
  };
  const toggle = (p: Panel) => setPanel((now) => (now === p ? 'none' : p));

  return (
    <section aria-labelledby="view-title" class="actions-view">
      <h2 id="view-title">Actions</h2>
      <div class="actions-tools">
        <button type="button" aria-expanded={panel === 'import'} data-testid="open-import" onClick={() => toggle('import')}>Import…</button>
        <button type="button" aria-expanded={panel === 'export'} data-testid="open-export" onClick={() => toggle('export')} disabled={!actions?.length}>Export…</button>
        <button type="button" aria-expanded={panel === 'posthog'} data-testid="open-posthog" onClick={() => toggle('posthog')}>PostHog project…</button>
      </div>
      {panel === 'import' && <ImportPanel site={site} sites={(all.data ?? []).map((g) => g.site)} onImported={reload} onClose={() => setPanel('none')} />}
      {panel === 'posthog' && <PostHogPanel site={site} sites={(all.data ?? []).map((g) => g.site)} onPulled={reload} onClose={() => setPanel('none')} />}
      {panel === 'export' && <ExportPanel site={site || (groups[0]?.site ?? '')} allSites={!site} onClose={() => setPanel('none')} />}
      {undo.deleted && (
        <p role="status" class="undo-bar" data-testid="undo-bar">
          Deleted “{undo.deleted.name}”. <button type="button" data-testid="undo-delete" onClick={() => void undo.undo()}>Undo</button>
        </p>
      )}
      {problem && <ErrorMessage doing="change the action" error={problem} />}
      {all.error && <ErrorMessage doing="load the actions" error={all.error} onRetry={all.reload} />}
      {trends.error && <p class="error" role="alert">Counts incomplete: {trends.error}</p>}
      {all.loading && !all.data && <p class="muted">Loading actions…</p>}
      {all.data && !groups.length && (
        <EmptyState title={site ? `No actions for ${site} yet` : 'No actions yet'}>
          Open the toolbar on a site to define your first action, or import a file of actions (Import… above).
        </EmptyState>
      )}
      {groups.map((g) => (
        <table class="actions-table" key={g.site} aria-label={`Actions of ${g.site}`} data-testid="actions-table">
          <caption>{g.site}</caption>
          <thead>
            <tr>
              <th scope="col" class="col-name">Action</th>
              <th scope="col" class="col-count">Events, {TREND_DAYS} days</th>
              <th scope="col" class="col-trend">Trend</th>
              <th scope="col" class="col-tags">Tags</th>
              <th scope="col" class="col-tools"><span class="visually-hidden">Tools</span></th>
            </tr>
          </thead>
          <tbody>
            {g.actions.map((a) => {
              const counts = trends.counts.get(a.id);
              const total = counts?.reduce((x, y) => x + y, 0);
              return (
                <tr key={a.id} data-testid="action-row" data-id={a.id}>
                  <th scope="row">
                    <a href={routeHref('actions', a.id, route.query)} data-testid="action-name">{a.name}</a>
                    {a.description && <div class="muted">{a.description}</div>}
                  </th>
                  <td>
                    <a href={routeHref('events', undefined, { action: a.id, site: a.site })} data-testid="action-count" aria-label={`${total ?? '…'} events of ${a.name} (open them)`}>
                      {total === undefined ? '…' : total.toLocaleString('en')}
                    </a>
                  </td>
                  <td>{counts ? <Sparkline counts={counts} /> : <span class="sparkline-slot" />}</td>
                  <td>{a.tags?.join(', ')}</td>
                  <td>
                    <div class="row-tools">
                      <button type="button" aria-label={`Duplicate ${a.name}`} onClick={() => void duplicate(a)}>Duplicate</button>
                      <button type="button" aria-label={`Delete ${a.name}`} data-testid="delete-action" onClick={() => void undo.remove(a)}>Delete</button>
                      <CopyPlaywright action={a} pageUrl={siteUrl(a.site)} clipboard={navigator.clipboard} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </section>
  );
}
