import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { Dock } from '../state';

interface Props {
  dock: Dock;
  collapsed: boolean;
  x: number;
  y: number;
  /** Drawn see-through while the inspected element is under it. */
  ghost: boolean;
  onMove(x: number, y: number): void;
  header: ComponentChildren;
  children: ComponentChildren;
}

/**
 * The toolbar's frame: docked to the right or left edge, or floating where it was dragged (drag
 * by the header; dragging a docked panel makes it float). Collapsed, only the header shows.
 */
export function Panel({ dock, collapsed, x, y, ghost, onMove, header, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const startDrag = (e: PointerEvent) => {
    if (e.button !== 0 || (e.target as Element).closest('button, input, select, textarea, a')) return;
    const panel = ref.current;
    if (!panel) return;
    const rect = panel.getBoundingClientRect();
    const dx = e.clientX - rect.left;
    const dy = e.clientY - rect.top;
    const el = e.currentTarget as HTMLElement;
    el.setPointerCapture(e.pointerId);
    const move = (m: PointerEvent) => {
      const view = panel.ownerDocument.defaultView!;
      const nx = Math.min(Math.max(0, m.clientX - dx), view.innerWidth - 60);
      const ny = Math.min(Math.max(0, m.clientY - dy), view.innerHeight - 30);
      panel.style.setProperty('left', `${nx}px`);
      panel.style.setProperty('top', `${ny}px`);
      panel.classList.add('lasso-panel--dragging');
    };
    const up = (u: PointerEvent) => {
      el.removeEventListener('pointermove', move);
      panel.classList.remove('lasso-panel--dragging');
      if (Math.abs(u.clientX - e.clientX) + Math.abs(u.clientY - e.clientY) > 3) onMove(Math.round(u.clientX - dx), Math.round(u.clientY - dy));
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up, { once: true });
    el.addEventListener('pointercancel', up, { once: true });
  };
  const style = dock === 'float' ? { left: `${x}px`, top: `${y}px` } : undefined;
  return (
    <div
      ref={ref}
      class={`lasso-panel lasso-panel--${dock}${collapsed ? ' lasso-panel--collapsed' : ''}${ghost ? ' lasso-panel--ghost' : ''}`}
      style={style}
      role="dialog"
      aria-label="Lasso toolbar"
      data-testid="lasso-panel"
    >
      <div class="lasso-bar" onPointerDown={startDrag}>
        {header}
      </div>
      {!collapsed && <div class="lasso-body">{children}</div>}
    </div>
  );
}
