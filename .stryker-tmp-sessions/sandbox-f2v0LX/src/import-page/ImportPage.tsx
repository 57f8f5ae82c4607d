// @ts-nocheck
import { useRef, useState } from 'preact/hooks';
import { blobText } from '../import/file';
import { detectFormat } from '../import/parse';
import { importEvents, type ImportProgress, type ImportReport } from '../import/pipeline';
import { sendMessage } from '../messaging/protocol';

/**
 * A minimal page to import a file of events (JSON array, JSON lines, PostHog CSV export) into
 * Lasso's store: progress, cancel, and the report. The dashboard will absorb it later.
 */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<{ name: string; report: ImportReport } | null>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    if (!file) return;
    const controller = (abort.current = new AbortController());
    const counter = { bytes: 0 };
    setRunning(true);
    setReport(null);
    setProgress({ bytesRead: 0, imported: 0, duplicates: 0, rejected: 0 });
    let result: ImportReport;
    try {
      const head = await file.slice(0, 64).text();
      result = await importEvents(blobText(file, counter), {
        format: detectFormat(file.name, head),
        send: (events) => sendMessage('store.import', { events }),
        signal: controller.signal,
        bytesRead: () => counter.bytes,
        onProgress: setProgress,
      });
    } catch (error) {
      // Nothing was sent (the file's first bytes could not be read).
      result = { imported: 0, duplicates: 0, rejected: [], rejectedTotal: 0, cancelled: false, error: `reading the file failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    setRunning(false);
    setReport({ name: file.name, report: result });
  };

  const total = file?.size ?? 0;
  return (
    <main class="import">
      <h1>Import events</h1>
      <p class="muted">A JSON array or JSON lines of events in PostHog's capture shape, or PostHog's CSV event export. Events already stored (same uuid) are skipped.</p>
      <div class="row">
        <label for="import-file">File</label>
        <input id="import-file" type="file" accept=".json,.jsonl,.ndjson,.csv,application/json,text/csv" disabled={running} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <div class="row">
        <button type="button" disabled={!file || running} onClick={() => void start()}>Import</button>
        <button type="button" disabled={!running} onClick={() => abort.current?.abort()}>Cancel</button>
      </div>
      {!file && !report && <p>Choose a file to import, then press Import.</p>}
      {progress && (
        <div class="progress-block">
          <progress aria-label="Bytes read" max={total || 1} value={Math.min(progress.bytesRead, total)} />
          <p role="status" aria-live="polite">
            {running ? 'Importing: ' : ''}
            {progress.imported} stored · {progress.duplicates} duplicates · {progress.rejected} rejected
          </p>
        </div>
      )}
      {report && <Report name={report.name} report={report.report} />}
    </main>
  );
}

function Report({ name, report }: { name: string; report: ImportReport }) {
  const { imported, duplicates, rejected, rejectedTotal, cancelled, error } = report;
  return (
    <section aria-label="Import report" data-testid="import-report">
      <h2>
        {error ? 'Import stopped' : cancelled ? 'Import cancelled' : 'Import finished'}: {name}
      </h2>
      {error && <p class="error" role="alert">{error}</p>}
      <p>
        <strong data-testid="imported">{imported}</strong> events stored · <strong data-testid="duplicates">{duplicates}</strong> duplicates skipped ·{' '}
        <strong data-testid="rejected">{rejectedTotal}</strong> rejected
        {cancelled || error ? ' — everything counted as stored is stored; the rest of the file was not read.' : ''}
      </p>
      {rejected.length > 0 && (
        <>
          <h3>Rejected{rejectedTotal > rejected.length ? ` (first ${rejected.length} of ${rejectedTotal})` : ''}</h3>
          <ul class="rejected">
            {rejected.map((r) => (
              <li key={`${r.line}:${r.reason}`}>
                line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
