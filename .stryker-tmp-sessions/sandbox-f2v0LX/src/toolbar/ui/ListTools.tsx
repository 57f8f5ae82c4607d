// @ts-nocheck
import { useState } from 'preact/hooks';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

interface Props {
  site: string;
  doc: Document;
  onImported(): void;
}

/** Export and Import for the saved-actions list; one of the two panels is open at a time. */
export function ListTools({ site, doc, onImported }: Props) {
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const toggle = (which: 'export' | 'import') => setOpen(open === which ? null : which);
  return (
    <div class="lasso-list-tools">
      <div class="lasso-actions-row">
        <button type="button" data-testid="export-open" aria-expanded={open === 'export'} onClick={() => toggle('export')}>Export…</button>
        <button type="button" data-testid="import-open" aria-expanded={open === 'import'} onClick={() => toggle('import')}>Import…</button>
      </div>
      {open === 'export' && <ExportDialog site={site} doc={doc} onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog site={site} doc={doc} onImported={onImported} onClose={() => setOpen(null)} />}
    </div>
  );
}
