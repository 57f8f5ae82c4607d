// @ts-nocheck
import { clampWidth, PANEL_WIDTH, type Dock } from '../state';

/** Pure rules of the panel's resize handle (kept apart from ResizeHandle.tsx so they can be unit-tested). */

/** Arrow key step (px); with Shift, a bigger one. */
export const RESIZE_STEP = 16;
export const RESIZE_STEP_BIG = 64;

/**
 * Which edge carries the handle: the inner one, facing the page (a panel docked right is
 * resized by its left edge); a floating panel by its right edge, its top-left corner staying put.
 */
export const resizeEdge = (dock: Dock): 'left' | 'right' => (dock === 'right' ? 'left' : 'right');

/**
 * The width after a key on the handle (a window splitter: arrows move the edge), or null for a
 * key the handle does not use. Home / End: narrowest / widest.
 */
export function widthForKey(width: number, key: string, shift: boolean, edge: 'left' | 'right'): number | null {
  const step = shift ? RESIZE_STEP_BIG : RESIZE_STEP;
  const grow = edge === 'left' ? 'ArrowLeft' : 'ArrowRight';
  const shrink = edge === 'left' ? 'ArrowRight' : 'ArrowLeft';
  if (key === grow) return clampWidth(width + step);
  if (key === shrink) return clampWidth(width - step);
  if (key === 'Home') return PANEL_WIDTH.min;
  if (key === 'End') return PANEL_WIDTH.max;
  return null;
}

/** The width while dragging the handle `dx` px from where it was pressed on a panel `start` px wide. */
export const widthForDrag = (start: number, dx: number, edge: 'left' | 'right'): number => clampWidth(edge === 'left' ? start - dx : start + dx);
