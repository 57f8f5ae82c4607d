// @ts-nocheck
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Dock } from '../state';
import { clampPanel, pastDragThreshold, type Viewport } from './panel-position';
import { ResizeHandle } from './ResizeHandle';

interface Props {
  dock: Dock;
  collapsed: boolean;
  x: number;
  y: number;
  /** Width in px (the tab's UI state; PANEL_WIDTH bounds it). */
  width: number;
  /** Drawn see-through while the inspected element is under it. */
  ghost: boolean;
  /**
   * As tall as the viewport allows whatever its content (the editor): content that loads later
   * (previews, counts) then never moves the footer's Save from under the user's pointer.
   */
  tall?: boolean;
  onMove(x: number, y: number): void;
  onResize(width: number): void;
  header: ComponentChildren;
  children: ComponentChildren;
}

/**
 * The toolbar's frame: docked to the right or left edge, or floating where it was dragged (drag
 * by the header; dragging a docked panel makes it float). Collapsed, only the header shows.
 * Resizable by its inner edge (ResizeHandle); a floating panel is never taller than the space
 * below its top, so the editor's sticky footer (Save, Test) stays on screen.
 *
 * While dragging, the panel is moved by writing inline left/top directly (no re-render per
 * pointermove); Preact does not know about those writes, so a press that never becomes a drag
 * writes nothing, and a cancelled drag puts back the inline values it found.
 */
export function Panel({ dock, collapsed, x, y, width, ghost, tall = false, onMove, onResize, header, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const floating = dock === 'float';
  // The viewport the floating position is clamped to; tracked (and re-clamped) on resize so a
  // position saved in a larger window still leaves the header reachable.
  const [viewport, setViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const view = ref.current?.ownerDocument.defaultView;
    if (!floating || !view) return;
    const read = () =>
      setViewport((prev) =>
        prev && prev.width === view.innerWidth && prev.height === view.innerHeight ? prev : { width: view.innerWidth, height: view.innerHeight },
      );
    read();
    view.addEventListener('resize', read);
    return () => view.removeEventListener('resize', read);
  }, [floating]);

  const startDrag = (e: PointerEvent) => {
    if (e.button !== 0 || (e.target as Element).closest('button, input, select, textarea, a')) return;
    const panel = ref.current;
    const view = panel?.ownerDocument.defaultView;
    if (!panel || !view) return;
    const rect = panel.getBoundingClientRect();
    const dx = e.clientX - rect.left;
    const dy = e.clientY - rect.top;
    const el = e.currentTarget as HTMLElement;
    el.setPointerCapture(e.pointerId);
    // What Preact rendered, to put back if the drag is cancelled ('' when docked: no inline position).
    const before = { left: panel.style.getPropertyValue('left'), top: panel.style.getPropertyValue('top') };
    let dragging = false;
    // Pointer capture reports coordinates outside the window (negative, past the edges); clamp them.
    const at = (p: PointerEvent) =>
      clampPanel(Math.round(p.clientX - dx), Math.round(p.clientY - dy), { width: view.innerWidth, height: view.innerHeight });
    const place = (pos: { x: number; y: number }) => {
      panel.style.setProperty('left', `${pos.x}px`);
      panel.style.setProperty('top', `${pos.y}px`);
    };
    const restore = (prop: 'left' | 'top') => {
      if (before[prop]) panel.style.setProperty(prop, before[prop]);
      else panel.style.removeProperty(prop);
    };
    const move = (m: PointerEvent) => {
      if (!dragging) {
        if (!pastDragThreshold(m.clientX - e.clientX, m.clientY - e.clientY)) return;
        dragging = true;
        panel.classList.add('lasso-panel--dragging');
      }
      place(at(m));
    };
    const finish = (u: PointerEvent) => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', finish);
      el.removeEventListener('pointercancel', finish);
      panel.classList.remove('lasso-panel--dragging');
      if (!dragging) return; // a click or a jitter of a few px: nothing was written, nothing moves
      if (u.type === 'pointercancel') {
        restore('left');
        restore('top');
        return;
      }
      const pos = at(u);
      // Leave the DOM where the new state will render it (Preact skips the write if the style prop is unchanged).
      place(pos);
      onMove(pos.x, pos.y);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', finish);
    el.addEventListener('pointercancel', finish);
  };

  const pos = floating && viewport ? clampPanel(x, y, viewport) : { x, y };
  const fullHeight = floating ? `calc(100vh - ${pos.y}px - 12px)` : undefined;
  const style = {
    ...(!collapsed && { width: `${width}px` }),
    ...(floating && { left: `${pos.x}px`, top: `${pos.y}px`, maxHeight: fullHeight }),
    ...(floating && tall && !collapsed && { height: fullHeight }),
  };
  return (
    <div
      ref={ref}
      class={`lasso-panel lasso-panel--${dock}${collapsed ? ' lasso-panel--collapsed' : ''}${ghost ? ' lasso-panel--ghost' : ''}${tall && !collapsed ? ' lasso-panel--tall' : ''}`}
      style={style}
      role="dialog"
      aria-label="Lasso toolbar"
      data-testid="lasso-panel"
    >
      <div class="lasso-bar" onPointerDown={startDrag}>
        {header}
      </div>
      {!collapsed && <div class="lasso-body">{children}</div>}
      {!collapsed && <ResizeHandle dock={dock} width={width} panel={() => ref.current} onResize={onResize} />}
    </div>
  );
}
