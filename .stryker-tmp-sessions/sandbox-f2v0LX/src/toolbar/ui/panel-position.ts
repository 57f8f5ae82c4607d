/** Pure geometry for the floating toolbar panel (kept apart from Panel.tsx so it can be unit-tested). */
// @ts-nocheck


export interface Viewport {
  width: number;
  height: number;
}

/** How much of the panel's top-left corner (the header: drag handle, close) must stay inside the viewport. */
export const KEEP_VISIBLE_X = 60;
export const KEEP_VISIBLE_Y = 30;

/** Pointer travel (|dx| + |dy|, CSS px) above which a press on the header becomes a drag. */
export const DRAG_THRESHOLD = 3;

/**
 * Clamps a floating panel's top-left corner so its header stays reachable: x in
 * [0, width - 60], y in [0, height - 30]. When the viewport is smaller than those margins the
 * corner is pinned to 0 (the top-left edge wins). Non-finite input (corrupt stored state) is 0.
 */
export function clampPanel(x: number, y: number, viewport: Viewport): { x: number; y: number } {
  return {
    x: clampAxis(x, viewport.width - KEEP_VISIBLE_X),
    y: clampAxis(y, viewport.height - KEEP_VISIBLE_Y),
  };
}

function clampAxis(v: number, max: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(v, Number.isFinite(max) ? max : v));
}

/** Whether the pointer has moved far enough from where it was pressed to count as a drag. */
export function pastDragThreshold(dx: number, dy: number): boolean {
  return Math.abs(dx) + Math.abs(dy) > DRAG_THRESHOLD;
}
