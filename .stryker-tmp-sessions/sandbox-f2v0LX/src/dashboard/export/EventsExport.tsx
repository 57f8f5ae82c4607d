// @ts-nocheck
import { useMemo, useState } from 'preact/hooks';
import type { CaptureEvent } from '../../events/types';
import type { EventsFilterInput } from '../../messaging/query-checks';
import { ExportPanel } from './ExportPanel';
import { ExportStatus } from './ExportStatus';
import { exportName } from './run-export';
import { COMMON_EVENT_COLUMNS, propertyKeys } from './serialize';
import { eventsSource } from './sources';
import { useExport } from './use-export';

/** Columns ticked when the panel first opens. */
const DEFAULT_COLUMNS = ['timestamp', 'event', 'distinct_id', 'properties.$current_url'];

/**
 * Export the events of the current filter (`filter`: exactly what the table asks for) as JSONL in
 * capture shape, or CSV with columns picked from the common ones and the properties of the loaded
 * `rows`. Reads the store page by page; the table's rows are only used to offer columns.
 */
export function EventsExport({ filter, rows, site }: { filter: EventsFilterInput | null; rows: CaptureEvent[]; site?: string }) {
  const state = useExport();
  const [format, setFormat] = useState<'jsonl' | 'csv'>('jsonl');
  const [columns, setColumns] = useState<string[]>(DEFAULT_COLUMNS);
  const offered = useMemo(() => [...new Set([...COMMON_EVENT_COLUMNS, ...propertyKeys(rows.slice(0, 500)).map((k) => `properties.${k}`)])], [rows]);
  const running = state.status === 'running';
  const toggle = (column: string, on: boolean) => setColumns((cs) => (on ? offered.filter((c) => c === column || cs.includes(c)) : cs.filter((c) => c !== column)));
  const start = () => {
    if (!filter || (format === 'csv' && !columns.length)) return;
    state.start(eventsSource(filter, format === 'jsonl' ? { kind: 'jsonl' } : { kind: 'csv', columns }), exportName(`events-${site || 'all-sites'}`, format, new Date()));
  };
  return (
    <ExportPanel title="Export events" testId="events-export">
      <p class="muted">Every event of the current filters, newest first, read from the store page by page.</p>
      <fieldset disabled={running}>
        <legend>Format</legend>
        <label>
          <input type="radio" name="export-format" value="jsonl" checked={format === 'jsonl'} onChange={() => setFormat('jsonl')} /> JSON Lines (each event as captured)
        </label>
        <label>
          <input type="radio" name="export-format" value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV with chosen columns
        </label>
      </fieldset>
      {format === 'csv' && (
        <fieldset disabled={running} class="export-columns" data-testid="export-columns">
          <legend>Columns</legend>
          {offered.map((c) => (
            <label key={c}>
              <input type="checkbox" value={c} checked={columns.includes(c)} onChange={(e) => toggle(c, e.currentTarget.checked)} /> <span class="mono">{c}</span>
            </label>
          ))}
          <p class="muted">Nested values are written as JSON. Cells starting with = + - or @ get a leading ' so spreadsheets do not run them as formulas.</p>
        </fieldset>
      )}
      {format === 'csv' && !columns.length && <p role="alert">Pick at least one column.</p>}
      <button type="button" onClick={start} disabled={running || !filter || (format === 'csv' && !columns.length)} data-testid="export-start">
        Download
      </button>
      <ExportStatus state={state} what="events" />
    </ExportPanel>
  );
}
