// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { ExportedFile } from '../../store/action-files';
import { api, describeError } from '../services/api';
import { exportFileName, saveFile } from './save-file';
import { CompatReport } from '../../ui/CompatReport';

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
          <CompatReport exported={exported} classPrefix="lasso-" />
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
