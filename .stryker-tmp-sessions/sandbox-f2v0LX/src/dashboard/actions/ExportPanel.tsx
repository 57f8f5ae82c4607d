// @ts-nocheck
import type { ExportedFile } from '../../store/action-files';
import { exportFileName, saveFile } from '../../toolbar/ui/save-file';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';
import { CompatReport } from '../../ui/CompatReport';

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
