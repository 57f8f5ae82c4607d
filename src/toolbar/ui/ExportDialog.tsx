import { useEffect, useState } from 'preact/hooks';
import type { ExportedFile } from '../../store/action-files';
import { api, describeError } from '../services/api';
import { exportFileName, saveFile } from './save-file';

interface Props {
  site: string;
  doc: Document;
  onClose(): void;
}

/**
 * Export saved actions as one PostHog-compatible JSON file: this site's or every site's. What
 * PostHog would evaluate differently is shown first; the file is downloaded only on "Download".
 */
export function ExportDialog({ site, doc, onClose }: Props) {
  const [scope, setScope] = useState<'site' | 'all'>('site');
  const [exported, setExported] = useState<ExportedFile | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  useEffect(() => {
    let stale = false;
    setExported(null);
    setSaved('');
    setError('');
    api.export(site, scope === 'all').then(
      (file) => !stale && setExported(file),
      (e: unknown) => !stale && setError(describeError(e).message),
    );
    return () => {
      stale = true;
    };
  }, [site, scope]);
  const name = exportFileName(scope === 'all' ? 'all-sites' : site, new Date());
  const download = () => {
    if (!exported) return;
    try {
      saveFile(doc, name, exported.file);
      setSaved(`Downloaded ${name}.`);
    } catch (e) {
      setError(describeError(e).message);
    }
  };
  return (
    <div class="lasso-dialog" role="group" aria-label="Export actions" data-testid="export-dialog">
      <fieldset class="lasso-choice">
        <legend>Export</legend>
        <label><input type="radio" name="lasso-export-scope" checked={scope === 'site'} onChange={() => setScope('site')} /> this site's actions ({site})</label>
        <label><input type="radio" name="lasso-export-scope" data-testid="export-all-sites" checked={scope === 'all'} onChange={() => setScope('all')} /> all sites' actions</label>
      </fieldset>
      {error && <p class="lasso-error" role="alert">{error}</p>}
      {!exported && !error && <p class="lasso-muted">Preparing the file…</p>}
      {exported && (
        <>
          <CompatReport exported={exported} />
          <div class="lasso-actions-row">
            <button type="button" class="lasso-primary" data-testid="export-download" disabled={exported.count === 0} onClick={download}>
              Download {exported.count} action{exported.count === 1 ? '' : 's'}
            </button>
            <button type="button" onClick={onClose}>Close</button>
          </div>
          <p role="status" class="lasso-muted" data-testid="export-status">{saved}</p>
        </>
      )}
    </div>
  );
}

/** The compatibility report: per action, each construct PostHog would evaluate differently. */
function CompatReport({ exported }: { exported: ExportedFile }) {
  if (exported.count === 0) return <p class="lasso-muted">No actions to export yet: save one first.</p>;
  if (exported.compat.length === 0) {
    return <p data-testid="compat-report">PostHog evaluates {exported.count === 1 ? 'this action' : `all ${exported.count} actions`} the same way Lasso does.</p>;
  }
  return (
    <div data-testid="compat-report">
      <p>
        {exported.compat.length} of {exported.count} action{exported.count === 1 ? '' : 's'} may match differently in PostHog:
      </p>
      <ul class="lasso-report">
        {exported.compat.map(({ name, issues }) => (
          <li key={name}>
            <b>{name}</b>
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>
                  {issue.step !== null && <span class="lasso-muted">step {issue.step + 1}, </span>}
                  {issue.construct}: PostHog {issue.posthog}; Lasso {issue.lasso}.
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
