// @ts-nocheck
import { useMemo, useState } from 'preact/hooks';
import type { PersonListRow } from '../../store/queries/persons';
import type { RequestData } from '../use-request';
import { ExportPanel } from './ExportPanel';
import { ExportStatus } from './ExportStatus';
import { exportName } from './run-export';
import { personColumns, propertyKeys } from './serialize';
import { personsSource } from './sources';
import { useExport } from './use-export';

/**
 * Export the persons of the current search (`request`: what the list sends) as CSV: distinct ids
 * joined with `;`, first / last seen, event count, and the person properties ticked (offered from
 * the loaded rows).
 */
export function PersonsExport({ request, rows }: { request: Omit<RequestData<'query.persons'>, 'cursor'>; rows: PersonListRow[] }) {
  const state = useExport();
  const offered = useMemo(() => propertyKeys(rows), [rows]);
  const [chosen, setChosen] = useState<string[]>([]);
  const running = state.status === 'running';
  const properties = offered.filter((p) => chosen.includes(p));
  return (
    <ExportPanel title="Export persons" testId="persons-export">
      <p class="muted">
        Every person of the current search as CSV with the columns <span class="mono">{personColumns([]).join(', ')}</span> and the properties ticked below.
      </p>
      {offered.length > 0 && (
        <fieldset disabled={running} class="export-columns">
          <legend>Person properties</legend>
          {offered.map((p) => (
            <label key={p}>
              <input type="checkbox" value={p} checked={chosen.includes(p)} onChange={(e) => setChosen((cs) => (e.currentTarget.checked ? [...cs, p] : cs.filter((c) => c !== p)))} /> <span class="mono">{p}</span>
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" disabled={running} onClick={() => state.start(personsSource(request, properties), exportName('persons', 'csv', new Date()))} data-testid="export-start">
        Download CSV
      </button>
      <ExportStatus state={state} what="persons" />
    </ExportPanel>
  );
}
