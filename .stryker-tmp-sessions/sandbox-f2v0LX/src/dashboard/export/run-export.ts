/** How long a download's Blob URL is kept before it is revoked. */
// @ts-nocheck

export const REVOKE_AFTER_MS = 30_000;

/** How far an export has got: rows written, and the total when the background knows it exactly. */
export interface ExportProgress {
  done: number;
  total: number | null;
}

/** One page of a source: its rows, where the next page starts (null: the last), the total if known. */
export interface ExportPage<Row, Cursor> {
  rows: Row[];
  next: Cursor | null;
  total?: number | null;
}

/**
 * What an export reads and writes: `read` asks the background for the page at `cursor` (null:
 * the first), `write` turns one page's rows into text, `header` starts the file.
 */
export interface ExportSource<Row, Cursor> {
  read: (cursor: Cursor | null) => Promise<ExportPage<Row, Cursor>>;
  write: (rows: Row[]) => string;
  header?: string;
  /** The file's MIME type. */
  type: string;
}

/**
 * Read every page of `source` in order through its keyset cursor and collect the written text
 * as Blob parts, one per page — never one string of the whole export, never the whole store in
 * memory as objects. `onProgress` after every page. Resolves to the file, or null when `signal`
 * aborted (between pages: a page in flight is awaited, then dropped). A refusal from the
 * background rejects with its error unchanged, so its reason can be shown in its own words.
 */
export async function runExport<Row, Cursor>(source: ExportSource<Row, Cursor>, { signal, onProgress }: { signal: AbortSignal; onProgress?: (p: ExportProgress) => void }): Promise<Blob | null> {
  const parts: BlobPart[] = source.header ? [source.header] : [];
  let cursor: Cursor | null = null;
  let done = 0;
  let total: number | null = null;
  for (;;) {
    if (signal.aborted) return null;
    const page: ExportPage<Row, Cursor> = await source.read(cursor);
    if (signal.aborted) return null;
    if (page.total !== undefined && page.total !== null) total = page.total;
    if (page.rows.length) parts.push(source.write(page.rows));
    done += page.rows.length;
    onProgress?.({ done, total: total === null ? null : Math.max(total, done) });
    if (page.next === null) break;
    cursor = page.next;
  }
  return new Blob(parts, { type: source.type });
}

/**
 * Hand `blob` to the browser's download as `name`: a Blob URL on an `<a download>` that is
 * clicked without being attached (no `downloads` permission needed). The URL is revoked after
 * 30 s, as the toolbar's `saveFile` does: a large file's download must have started reading it.
 */
export function downloadBlob(doc: Document, name: string, blob: Blob): void {
  const view = doc.defaultView;
  if (!view) throw new Error('the page has no window');
  const url = view.URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** `lasso-<what>-<yyyy-mm-dd>.<ext>`, keeping letters, digits, dots and dashes of `what`. */
export function exportName(what: string, ext: string, now: Date): string {
  const safe = what.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return `lasso-${safe}-${now.toISOString().slice(0, 10)}.${ext}`;
}
