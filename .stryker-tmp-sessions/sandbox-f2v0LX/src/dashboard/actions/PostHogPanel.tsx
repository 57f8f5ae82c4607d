// @ts-nocheck
import { useState } from 'preact/hooks';
import type { ImportPlan } from '../../actions/io';
import { sendMessage } from '../../messaging/protocol';
import type { PhDiff, PushResult } from '../../sync/posthog-actions';
import { planSummary } from '../../toolbar/ui/ImportDialog';
import { ErrorMessage } from '../ui/ErrorMessage';
import { errorText, useRequest } from '../use-request';
import { PostHogConnection } from './PostHogConnection';
import { PushDiff } from './PushDiff';

interface Props {
  /** The route's site, proposed. */
  site: string;
  sites: string[];
  onPulled(): void;
  onClose(): void;
}

type Stage = { at: 'idle' } | { at: 'busy'; doing: string } | { at: 'pulled'; fetched: number; plan: ImportPlan } | { at: 'diff'; diff: PhDiff } | { at: 'pushed'; diff: PhDiff; results: PushResult[] };

/**
 * "PostHog project": connect once, then for a site pull the project's actions (through the
 * import path) or push the site's (a diff first; "Push" writes exactly that diff).
 */
export function PostHogPanel({ site, sites, onPulled, onClose }: Props) {
  const connection = useRequest('phActions.connection.get', {});
  const [editing, setEditing] = useState(false);
  const [into, setInto] = useState(site);
  const [stage, setStage] = useState<Stage>({ at: 'idle' });
  const [error, setError] = useState<{ doing: string; text: string } | null>(null);
  const run = async <T,>(doing: string, work: () => Promise<T>, then: (answer: T) => Stage) => {
    setError(null);
    setStage({ at: 'busy', doing });
    try {
      setStage(then(await work()));
    } catch (e) {
      setError({ doing, text: errorText(e) });
      setStage({ at: 'idle' });
    }
  };
  const pull = () => run('pull the actions from PostHog', () => sendMessage('phActions.pull', { site: into }), (a) => {
    if (a.plan.ok) onPulled();
    return { at: 'pulled', ...a };
  });
  const diff = () => run('compare with PostHog', () => sendMessage('phActions.diff', { site: into }), (d) => ({ at: 'diff', diff: d }));
  const push = (d: PhDiff) => run('push to PostHog', () => sendMessage('phActions.push', { site: into, hash: d.hash }), (results) => ({ at: 'pushed', diff: d, results }));
  const saved = connection.data ?? null;
  const busy = stage.at === 'busy';
  return (
    <div class="actions-panel" role="group" aria-label="PostHog project" data-testid="ph-panel">
      <h3>PostHog project</h3>
      {connection.error && <ErrorMessage doing="read the PostHog connection" error={connection.error} onRetry={connection.reload} />}
      {connection.data !== null || !connection.loading ? (
        saved && !editing ? (
          <p data-testid="ph-connected">
            Connected to project {saved.projectId} on {saved.host}. <button type="button" onClick={() => setEditing(true)}>Change…</button>
          </p>
        ) : (
          <PostHogConnection saved={saved} onSaved={() => { setEditing(false); connection.reload(); }} />
        )
      ) : <p class="muted">Loading…</p>}
      {saved && (
        <>
          <div class="panel-fields">
            <label for="ph-site">Lasso site</label>
            <input id="ph-site" type="text" list="ph-sites" value={into} placeholder="host with port, e.g. localhost:5174" data-testid="ph-site" onInput={(e) => { setInto(e.currentTarget.value.trim()); setStage({ at: 'idle' }); }} />
            <datalist id="ph-sites">{sites.map((s) => <option key={s} value={s} />)}</datalist>
          </div>
          <div class="panel-buttons">
            <button type="button" data-testid="ph-pull" disabled={!into || busy} onClick={() => void pull()}>Pull into {into || 'the site'}</button>
            <button type="button" data-testid="ph-diff" disabled={!into || busy} onClick={() => void diff()}>Compare for push…</button>
            <button type="button" onClick={onClose}>Close</button>
          </div>
          {!into && <p class="muted">Name the site whose actions to pull into or push.</p>}
        </>
      )}
      {stage.at === 'busy' && <p class="muted" role="status">Working: {stage.doing}…</p>}
      {error && <ErrorMessage doing={error.doing} error={error.text} />}
      {stage.at === 'pulled' && (
        <div data-testid="ph-pull-report" role="status">
          {stage.plan.ok
            ? <p>Pulled {stage.fetched} action{stage.fetched === 1 ? '' : 's'} from PostHog into {into}: {planSummary(stage.plan.counts)}.</p>
            : <p class="error">Nothing was pulled: {stage.plan.error ?? stage.plan.actions.filter((a) => a.status === 'rejected').map((a) => `${a.name || 'an action'} — ${a.reason}`).join('; ')}.</p>}
        </div>
      )}
      {(stage.at === 'diff' || stage.at === 'pushed') && (
        <PushDiff diff={stage.diff} results={stage.at === 'pushed' ? stage.results : null} busy={busy} onPush={() => void push(stage.diff)} onRecompare={() => void diff()} />
      )}
    </div>
  );
}
