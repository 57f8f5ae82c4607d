// @ts-nocheck
import type { ExportState } from './use-export';

/**
 * An export's progress ("N of M events" when the total is known, else "N events"), its Cancel
 * button while it runs, and how it ended: downloaded, cancelled, or the background's reason.
 */
export function ExportStatus({ state, what }: { state: ExportState; what: string }) {
  const { status, progress, error } = state;
  if (status === 'idle') return null;
  const count = progress.total === null ? `${progress.done.toLocaleString('en')} ${what}` : `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} ${what}`;
  return (
    <div class="export-status" data-testid="export-status">
      {status === 'running' && (
        <>
          {/* Without a known total the bar is indeterminate rather than a guess. */}
          <progress aria-label={`Exporting ${what}`} value={progress.total === null ? undefined : progress.done} max={progress.total ?? undefined} />
          <span aria-live="polite" data-testid="export-count">{count}</span>
          <button type="button" onClick={state.cancel} data-testid="export-cancel">
            Cancel
          </button>
        </>
      )}
      {status === 'done' && <p role="status">Downloaded {count}.</p>}
      {status === 'cancelled' && <p role="status">Export cancelled: nothing was downloaded.</p>}
      {status === 'error' && (
        <p class="error" role="alert" data-testid="export-error">
          Could not export {what}: {error}
        </p>
      )}
    </div>
  );
}
