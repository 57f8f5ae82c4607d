// @ts-nocheck
import { useState } from 'preact/hooks';
import type { ImportPlan } from '../../actions/io';
import { sendMessage } from '../../messaging/protocol';
import { planSummary } from '../../toolbar/ui/ImportDialog';
import { errorText } from '../use-request';

interface Props {
  /** The route's site, proposed as the target. */
  site: string;
  /** Sites that have actions (offered in the site field). */
  sites: string[];
  onImported(): void;
  onClose(): void;
}

type Stage = { at: 'edit' } | { at: 'checking' } | { at: 'planned'; plan: ImportPlan; text: string; into: string } | { at: 'writing'; plan: ImportPlan; text: string; into: string } | { at: 'done'; plan: ImportPlan; into: string };

/** How many actions the plan would write. */
export const writesOf = (plan: ImportPlan): number => plan.counts.created + plan.counts.updated;

/**
 * Import a file (chosen or pasted: a Lasso export or PostHog JSON) into a site. "Check" asks
 * the background for the plan (`dryRun`: nothing written) and shows every action's status and
 * reason; "Import N actions" writes, and the background plans again and writes all or nothing.
 */
export function ImportPanel({ site, sites, onImported, onClose }: Props) {
  const [into, setInto] = useState(site);
  const [text, setText] = useState('');
  const [stage, setStage] = useState<Stage>({ at: 'edit' });
  const [error, setError] = useState('');
  const check = async (source: string) => {
    setError('');
    setStage({ at: 'checking' });
    try {
      setStage({ at: 'planned', plan: await sendMessage('actions.import', { site: into, text: source, dryRun: true }), text: source, into });
    } catch (e) {
      setError(errorText(e));
      setStage({ at: 'edit' });
    }
  };
  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    await check(content);
  };
  const write = async () => {
    if (stage.at !== 'planned') return;
    setStage({ ...stage, at: 'writing' });
    try {
      const plan = await sendMessage('actions.import', { site: stage.into, text: stage.text, dryRun: false });
      if (plan.ok) onImported();
      setStage(plan.ok ? { at: 'done', plan, into: stage.into } : { ...stage, at: 'planned', plan });
    } catch (e) {
      setError(errorText(e));
      setStage({ ...stage, at: 'planned' });
    }
  };
  const plan = 'plan' in stage ? stage.plan : null;
  const writes = plan ? writesOf(plan) : 0;
  return (
    <div class="actions-panel" role="group" aria-label="Import actions" data-testid="import-panel">
      <h3>Import actions</h3>
      <div class="panel-fields">
        <label for="import-site">Into site</label>
        <input id="import-site" type="text" list="import-sites" value={into} placeholder="host with port, e.g. localhost:5174" data-testid="import-site" onInput={(e) => setInto(e.currentTarget.value.trim())} />
        <datalist id="import-sites">{sites.map((s) => <option key={s} value={s} />)}</datalist>
        <label for="import-file">A file (Lasso export or PostHog JSON)</label>
        <input id="import-file" type="file" accept=".json,application/json" data-testid="import-file" disabled={!into} onChange={(e) => void pick(e.currentTarget)} />
        <label for="import-text">Or paste JSON</label>
        <textarea id="import-text" rows={5} value={text} data-testid="import-text" onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="panel-buttons">
        <button type="button" data-testid="import-check" disabled={!into || !text.trim() || stage.at === 'checking'} onClick={() => void check(text)}>Check</button>
        {plan?.ok && stage.at !== 'done' && (
          <button type="button" class="primary" data-testid="import-confirm" disabled={writes === 0 || stage.at === 'writing'} onClick={() => void write()}>
            {writes === 0 ? 'Nothing to import' : `Import ${writes} action${writes === 1 ? '' : 's'}`}
          </button>
        )}
        <button type="button" onClick={onClose}>{stage.at === 'done' ? 'Done' : 'Cancel'}</button>
      </div>
      {!into && <p class="muted">Name the site to import into (the actions belong to one site).</p>}
      {error && <p class="error" role="alert" data-testid="import-error">{error}. Nothing was written.</p>}
      {stage.at === 'checking' && <p class="muted" role="status">Checking…</p>}
      {plan?.error && <p class="error" role="alert" data-testid="import-error">This file cannot be imported: {plan.error}. Nothing was written.</p>}
      {plan && !plan.error && (
        <div data-testid="import-report">
          <p role="status">{stage.at === 'done' ? `Imported into ${stage.into}` : `Importing into ${'into' in stage ? stage.into : into} would give`}: {planSummary(plan.counts)}.</p>
          <ul class="report">
            {plan.actions.map((a) => (
              <li key={a.index} data-status={a.status} data-testid="import-entry">
                <span class={`badge status-${a.status}`}>{a.status}</span> <b>{a.name || `action ${a.index + 1} (no name)`}</b>
                {a.reason && <span class="muted"> — {a.reason}</span>}
              </li>
            ))}
          </ul>
          {plan.warnings.map((w) => <p key={w} class="muted">{w}</p>)}
          {!plan.ok && <p class="error" role="alert">Nothing will be imported while an action is rejected: fix the file and check it again.</p>}
        </div>
      )}
    </div>
  );
}
