// @ts-nocheck
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { gridColumns, type Column } from './Table';
import { useVirtualizer } from './use-virtualizer';

/** Rows drawn per screen height beyond the visible ones, and how close to the end loading starts. */
const OVERSCAN = 10;
export const ROW_HEIGHT = 32;

/** The row to focus after a key in the table, or null when the key is not the table's (pure). */
export function nextRowIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + pageRows);
    case 'PageUp':
      return clamp(current - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface VirtualTableProps<T> {
  label: string;
  columns: Column<T>[];
  /** The rows loaded so far (more come through `onNearEnd`). */
  rows: T[];
  rowKey: (row: T) => string;
  /** All rows there are, when known (announced as the table's row count). */
  total?: number;
  onOpen?: (row: T) => void;
  /** Called when the user scrolls near the last loaded row: load the next page (calls while loading are the caller's to ignore). */
  onNearEnd?: () => void;
  /** Below the last row: "Loading more…", "That is all". */
  footer?: ComponentChildren;
  /** Focus this row once it is loaded (the row whose page the user just came back from). */
  focusKey?: string;
}

/**
 * A table over any number of rows: only the rows in view (plus a few) are in the DOM, each the
 * same height. One row is in the Tab order at a time (roving tabindex): arrows, Page Up/Down,
 * Home/End move between rows, Enter opens one. ARIA table roles with row indexes, so a screen
 * reader knows where it is in the whole list.
 */
export function VirtualTable<T>({ label, columns, rows, rowKey, total, onOpen, onNearEnd, footer, focusKey }: VirtualTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({ count: rows.length, rowHeight: ROW_HEIGHT, getScrollElement: () => scroller.current, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const template = gridColumns(columns);
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (onNearEnd && rows.length > 0 && last >= rows.length - OVERSCAN) onNearEnd();
  }, [last, rows.length, onNearEnd]);
  useEffect(() => {
    if (active >= rows.length && rows.length) setActive(rows.length - 1);
  }, [rows.length, active]);
  const refocused = useRef(false);
  useEffect(() => {
    if (!focusKey || refocused.current) return;
    const index = rows.findIndex((r) => rowKey(r) === focusKey);
    if (index < 0) return;
    refocused.current = true;
    focusPending.current = true;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [rows, focusKey, rowKey, virtualizer]);
  useEffect(() => {
    if (!focusPending.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (e: KeyboardEvent, index: number, row: T) => {
    if (e.key === 'Enter' && onOpen) {
      e.preventDefault();
      onOpen(row);
      return;
    }
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = nextRowIndex(e.key, index, rows.length, pageRows);
    if (next === null) return;
    e.preventDefault();
    focusPending.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  // Rows read the table's handlers through this ref, so a row whose data did not change skips rendering.
  const events = useRef<RowEvents<T>>(null!);
  events.current = { focus: setActive, open: onOpen, keyDown: onKeyDown };

  return (
    <>
      <div class="table virtual" role="table" aria-label={label} aria-rowcount={(total ?? rows.length) + 1} data-testid="virtual-table">
        <div class="table-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <span role="columnheader" key={c.key}>
              {c.label}
            </span>
          ))}
        </div>
        <div class="table-body" ref={scroller}>
          <div role="rowgroup" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index];
              const key = rowKey(row);
              return <VirtualRow key={key} rowKey={key} index={item.index} start={item.start} row={row} columns={columns} template={template} active={item.index === active} openable={!!onOpen} events={events} />;
            })}
          </div>
        </div>
      </div>
      {footer && <div class="table-footer">{footer}</div>}
    </>
  );
}

interface RowEvents<T> {
  focus: (index: number) => void;
  open?: (row: T) => void;
  keyDown: (e: KeyboardEvent, index: number, row: T) => void;
}

interface RowProps<T> {
  rowKey: string;
  index: number;
  /** px from the top of the list. */
  start: number;
  row: T;
  columns: Column<T>[];
  template: string;
  active: boolean;
  openable: boolean;
  events: { current: RowEvents<T> };
}

/**
 * One drawn row. A scroll step moves the window by a few rows: the rows that stay have the same
 * props and skip rendering (their cells may match actions, format times, describe elements), so
 * a frame draws only the rows that came into view (measured: `npm run bench`, section queries).
 */
class VirtualRow<T> extends Component<RowProps<T>> {
  override shouldComponentUpdate(next: RowProps<T>): boolean {
    const p = this.props;
    return next.row !== p.row || next.index !== p.index || next.start !== p.start || next.columns !== p.columns || next.template !== p.template || next.active !== p.active || next.openable !== p.openable || next.rowKey !== p.rowKey;
  }

  override render({ rowKey, index, start, row, columns, template, active, openable, events }: RowProps<T>) {
    return (
      <div
        data-index={index}
        data-key={rowKey}
        data-testid="table-row"
        class={`table-row${openable ? ' openable' : ''}`}
        role="row"
        aria-rowindex={index + 2}
        tabIndex={active ? 0 : -1}
        style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: `${ROW_HEIGHT}px`, transform: `translateY(${start}px)` }}
        onFocus={() => events.current.focus(index)}
        onClick={openable ? () => events.current.open?.(row) : undefined}
        onKeyDown={(e) => events.current.keyDown(e, index, row)}
      >
        {columns.map((c) => (
          <span role="cell" key={c.key}>
            {c.render(row)}
          </span>
        ))}
      </div>
    );
  }
}
