import type { ExportedFile } from '../../store/action-files';
import { exportFileName, saveFile } from '../../toolbar/ui/save-file';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';

/**
 * Export as one PostHog-compatible JSON file: every site's actions (`allSites`) or `site`'s.
 * The compatibility report (per action, what PostHog would evaluate differently) shows first;
 * the file is downloaded only on "Download" (a Blob URL and an `<a download>`).
 */
export function ExportPanel({ site, allSites, onClose }: { site: string; allSites: boolean; onClose(): void }) {
  const file = useRequest('actions.export', site ? { site, allSites } : null);
  const [saved, setSaved] = useState('');
  const name = exportFileName(allSites ? 'all-sites' : site, new Date());
  const download = (exported: ExportedFile) => {
    saveFile(document, name, exported.file);
    setSaved(`Downloaded ${name}.`);
  };
  return (
    <div class="actions-panel" role="group" aria-label="Export actions" data-testid="export-panel">
      <h3>Export {allSites ? 'every site’s actions' : `the actions of ${site}`} as PostHog JSON</h3>
      {file.error && <ErrorMessage doing="export the actions" error={file.error} onRetry={file.reload} />}
      {!file.data && !file.error && <p class="muted">Preparing the file…</p>}
      {file.data && <CompatReport exported={file.data} />}
      <div class="panel-buttons">
        <button type="button" class="primary" data-testid="export-download" disabled={!file.data?.count} onClick={() => file.data && download(file.data)}>
          Download {file.data ? `${file.data.count} action${file.data.count === 1 ? '' : 's'}` : ''}
        </button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <p role="status" class="muted" data-testid="export-status">{saved}</p>
    </div>
  );
}

/** Per action, each construct PostHog would evaluate differently (or that none would). */
export function CompatReport({ exported }: { exported: ExportedFile }) {
  if (exported.compat.length === 0) {
    return <p data-testid="compat-report">PostHog evaluates {exported.count === 1 ? 'this action' : `all ${exported.count} actions`} the same way Lasso does.</p>;
  }
  return (
    <div data-testid="compat-report">
      <p>{exported.compat.length} of {exported.count} action{exported.count === 1 ? '' : 's'} may match differently in PostHog:</p>
      <ul class="report">
        {exported.compat.map(({ name, issues }) => (
          <li key={name} data-testid="compat-action">
            <b>{name}</b>
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>
                  {issue.step !== null && <span class="muted">step {issue.step + 1}, </span>}
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
