// @ts-nocheck
import type { ComponentChildren } from 'preact';

/** One column of a dashboard table: its header and how a row shows in it. */
export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ComponentChildren;
  /** CSS grid track (e.g. `10rem`, `minmax(8rem, 1fr)`); default `minmax(6rem, 1fr)`. */
  width?: string;
}

/** The grid template of a table's columns (shared by the header and every row, so they line up). */
export const gridColumns = <T,>(columns: Column<T>[]): string => columns.map((c) => c.width ?? 'minmax(6rem, 1fr)').join(' ');

/** A click or key on a control inside a row (a selection checkbox, a link) is the control's, not the row's. */
const fromControl = (e: Event): boolean => e.target instanceof Element && e.target !== e.currentTarget && !!e.target.closest('input, button, a, select, textarea, label');

/**
 * A small table (ARIA grid roles on a CSS grid) for lists that fit on a page; a row with
 * `onOpen` is focusable and opens on click or Enter. Long lists use VirtualTable (same Column).
 */
export function Table<T>({ label, columns, rows, rowKey, onOpen }: { label: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; onOpen?: (row: T) => void }) {
  const template = gridColumns(columns);
  return (
    <div class="table" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div class="table-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <span role="columnheader" key={c.key}>
            {c.label}
          </span>
        ))}
      </div>
      {rows.map((row) => (
        <div
          key={rowKey(row)}
          class={`table-row${onOpen ? ' openable' : ''}`}
          role="row"
          style={{ gridTemplateColumns: template }}
          tabIndex={onOpen ? 0 : undefined}
          onClick={onOpen && ((e) => !fromControl(e) && onOpen(row))}
          onKeyDown={onOpen && ((e) => e.key === 'Enter' && !fromControl(e) && onOpen(row))}
        >
          {columns.map((c) => (
            <span role="cell" key={c.key}>
              {c.render(row)}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
