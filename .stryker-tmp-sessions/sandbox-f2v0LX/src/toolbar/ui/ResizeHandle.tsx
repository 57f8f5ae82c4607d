// @ts-nocheck
import type { Dock } from '../state';
import { PANEL_WIDTH } from '../state';
import { resizeEdge, widthForDrag, widthForKey } from './panel-resize';

interface Props {
  dock: Dock;
  width: number;
  /** The panel element, resized directly while dragging (no re-render per pointermove). */
  panel: () => HTMLElement | null;
  onResize(width: number): void;
}

/**
 * The panel's resize handle on its inner edge: a focusable window splitter (arrow keys, Shift for
 * bigger steps, Home / End) and a drag handle. While dragging the width is written inline; the
 * new width is reported once, on release (a cancelled drag puts the old one back).
 */
export function ResizeHandle({ dock, width, panel, onResize }: Props) {
  const edge = resizeEdge(dock);
  const onKeyDown = (e: KeyboardEvent) => {
    const next = widthForKey(width, e.key, e.shiftKey, edge);
    if (next === null) return;
    e.preventDefault();
    if (next !== width) onResize(next);
  };
  const onPointerDown = (e: PointerEvent) => {
    const el = panel();
    if (e.button !== 0 || !el) return;
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    const before = el.style.getPropertyValue('width');
    let last = width;
    const move = (m: PointerEvent) => {
      last = widthForDrag(width, m.clientX - e.clientX, edge);
      el.style.setProperty('width', `${last}px`);
    };
    const finish = (u: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', finish);
      handle.removeEventListener('pointercancel', finish);
      if (u.type === 'pointercancel') return void el.style.setProperty('width', before);
      if (last !== width) onResize(last);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', finish);
    handle.addEventListener('pointercancel', finish);
  };
  return (
    <div
      class={`lasso-resize lasso-resize--${edge}`}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the toolbar panel"
      aria-valuemin={PANEL_WIDTH.min}
      aria-valuemax={PANEL_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      data-testid="panel-resize"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
