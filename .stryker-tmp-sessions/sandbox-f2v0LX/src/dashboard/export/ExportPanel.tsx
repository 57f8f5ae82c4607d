// @ts-nocheck
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import './export.css';

/**
 * The "Export…" disclosure: a button that opens a labelled panel next to it (Escape closes it and
 * gives the focus back). Not modal: the list stays readable while a long export runs.
 */
export function ExportPanel({ title, testId, children }: { title: string; testId: string; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const id = `${testId}-panel`;
  return (
    <div class="export">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid={`${testId}-open`}>
        Export…
      </button>
      {open && (
        <section
          id={id}
          class="export-panel"
          aria-label={title}
          data-testid={testId}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            setOpen(false);
            (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
          }}
        >
          <h3>{title}</h3>
          {children}
        </section>
      )}
    </div>
  );
}
