// @ts-nocheck
import { ExportStatus } from './ExportStatus';
import { exportName, runExport, type ExportProgress } from './run-export';
import { membersSource } from './sources';
import { useExport } from './use-export';
import './export.css';

/**
 * A cohort's members as a CSV Blob (`distinct_id,person`, one row per distinct id: it imports back
 * as a static cohort), read through `cohorts.members` page by page. Null when `signal` aborted.
 * For callers that want their own UI; `CohortMembersExport` is the ready button.
 */
export function exportCohortMembers(id: string, options: { signal: AbortSignal; onProgress?: (p: ExportProgress) => void }): Promise<Blob | null> {
  return runExport(membersSource(id), options);
}

/** The file name of a cohort's members export. */
export const membersFileName = (name: string, now = new Date()) => exportName(`cohort-${name}-members`, 'csv', now);

/**
 * "Export members (CSV)" for the Cohorts view to mount: progress, Cancel, the background's reason
 * on failure, then the browser's download.
 */
export function CohortMembersExport({ id, name }: { id: string; name: string }) {
  const state = useExport();
  return (
    <div class="export" data-testid="cohort-members-export">
      <button type="button" disabled={state.status === 'running'} onClick={() => state.start(membersSource(id), membersFileName(name))}>
        Export members (CSV)
      </button>
      <ExportStatus state={state} what="members" />
    </div>
  );
}
