// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Column } from '../../src/dashboard/ui/Table';
import { nextRowIndex, VirtualTable } from '../../src/dashboard/ui/VirtualTable';

describe('nextRowIndex', () => {
  it.each<[string, number, number, number, number | null]>([
    ['ArrowDown', 0, 10, 5, 1],
    ['ArrowDown', 9, 10, 5, 9],
    ['ArrowUp', 0, 10, 5, 0],
    ['ArrowUp', 4, 10, 5, 3],
    ['PageDown', 2, 10, 5, 7],
    ['PageDown', 8, 10, 5, 9],
    ['PageUp', 3, 10, 5, 0],
    ['Home', 7, 10, 5, 0],
    ['End', 0, 10, 5, 9],
    ['Enter', 3, 10, 5, null],
    ['a', 3, 10, 5, null],
    ['ArrowDown', 0, 0, 5, null],
  ])('%s from row %i of %i (page %i) → %s', (key, current, count, page, want) => expect(nextRowIndex(key, current, count, page)).toBe(want));
});

type Row = { id: string; name: string };
const columns: Column<Row>[] = [
  { key: 'id', label: 'Id', render: (r) => r.id },
  { key: 'name', label: 'Name', render: (r) => r.name },
];
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `row ${i}` }));

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const drawn = () => [...root.querySelectorAll<HTMLElement>('[data-testid="table-row"]')];

describe('VirtualTable', () => {
  it('draws a window of the rows, not all of them, with headers, row indexes and the total as row count', async () => {
    await act(() => render(h(VirtualTable<Row>, { label: 'Things', columns, rows: rows(5000), rowKey: (r) => r.id, total: 12_000 }), root));
    const table = root.querySelector('[role="table"]')!;
    expect(table.getAttribute('aria-label')).toBe('Things');
    expect(table.getAttribute('aria-rowcount')).toBe('12001');
    expect([...root.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent)).toEqual(['Id', 'Name']);
    const shown = drawn();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(100);
    expect(shown.map((r) => r.dataset.key)).toEqual(rows(shown.length).map((r) => r.id));
    expect(shown[0].getAttribute('aria-rowindex')).toBe('2');
    expect([...shown[0].querySelectorAll('[role="cell"]')].map((c) => c.textContent)).toEqual(['r0', 'row 0']);
  });

  it('has one row in the Tab order; Enter opens it; arrows move focus to the next row', async () => {
    const opened = vi.fn();
    await act(() => render(h(VirtualTable<Row>, { label: 'Things', columns, rows: rows(30), rowKey: (r) => r.id, onOpen: opened }), root));
    expect(drawn().filter((r) => r.tabIndex === 0).map((r) => r.dataset.key)).toEqual(['r0']);
    drawn()[0].focus();
    await act(() => void drawn()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(drawn().filter((r) => r.tabIndex === 0).map((r) => r.dataset.key)).toEqual(['r1']);
    expect((document.activeElement as HTMLElement).dataset.key).toBe('r1');
    await act(() => void drawn()[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(opened).toHaveBeenCalledWith({ id: 'r1', name: 'row 1' });
  });

  it('a row whose data did not change is not drawn again: a new total redraws no cell, a key press only the two rows whose focus moved', async () => {
    const seen: string[] = [];
    const counted: Column<Row>[] = [{ key: 'id', label: 'Id', render: (r) => (seen.push(r.id), r.id) }];
    const list = rows(200);
    const table = (total: number) => h(VirtualTable<Row>, { label: 'Things', columns: counted, rows: list, rowKey: (r) => r.id, total });
    await act(() => render(table(200), root));
    expect(seen.length).toBe(drawn().length);
    seen.length = 0;
    await act(() => render(table(300), root));
    expect(root.querySelector('[role="table"]')!.getAttribute('aria-rowcount')).toBe('301');
    expect(seen).toEqual([]);
    drawn()[0].focus();
    await act(() => void drawn()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(seen.sort()).toEqual(['r0', 'r1']);
  });

  it('asks for more when the drawn rows reach the end of what is loaded', async () => {
    const more = vi.fn();
    await act(() => render(h(VirtualTable<Row>, { label: 'Things', columns, rows: rows(3), rowKey: (r) => r.id, onNearEnd: more }), root));
    expect(more).toHaveBeenCalled();
  });
});

describe('Table', () => {
  it('lists every row; an openable row is focusable and opens on Enter or click', async () => {
    const { Table } = await import('../../src/dashboard/ui/Table');
    const opened = vi.fn();
    await act(() => render(h(Table<Row>, { label: 'Small', columns, rows: rows(3), rowKey: (r) => r.id, onOpen: opened }), root));
    const shown = [...root.querySelectorAll<HTMLElement>('[role="row"]')].slice(1);
    expect(shown.map((r) => r.textContent)).toEqual(['r0row 0', 'r1row 1', 'r2row 2']);
    expect(shown.every((r) => r.tabIndex === 0)).toBe(true);
    await act(() => void shown[2].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await act(() => shown[0].click());
    expect(opened.mock.calls).toEqual([[{ id: 'r2', name: 'row 2' }], [{ id: 'r0', name: 'row 0' }]]);
  });

  it('rows without onOpen are not in the Tab order', async () => {
    const { Table } = await import('../../src/dashboard/ui/Table');
    await act(() => render(h(Table<Row>, { label: 'Small', columns, rows: rows(2), rowKey: (r) => r.id }), root));
    expect([...root.querySelectorAll<HTMLElement>('[role="row"]')].map((r) => r.getAttribute('tabindex'))).toEqual([null, null, null]);
  });
});
