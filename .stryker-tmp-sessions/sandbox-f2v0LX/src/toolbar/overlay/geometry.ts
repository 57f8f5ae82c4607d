/** Pure geometry of the overlay: which boxes show and where labels go. No DOM. */
// @ts-nocheck


/** A rectangle in top-window viewport coordinates (CSS px). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Viewport size of the top window. */
export interface Viewport {
  width: number;
  height: number;
}

/** Most outline boxes drawn per group: more would cost layout and paint without helping the user. */
export const OUTLINE_CAP = 1000;

/** Label height used until a label has been measured (CSS should keep labels about this tall). */
export const DEFAULT_LABEL_HEIGHT = 18;

/** `b` moved by (dx, dy). */
export const shift = (b: Box, dx: number, dy: number): Box => ({ left: b.left + dx, top: b.top + dy, width: b.width, height: b.height });

/** The overlap of two boxes; an empty (0 × 0) box when they do not overlap. */
export function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  if (right <= left || bottom <= top) return { left, top, width: 0, height: 0 };
  return { left, top, width: right - left, height: bottom - top };
}

/** Drawn only when it has an area and some of it is inside the viewport. */
export function isVisible(b: Box, viewport: Viewport): boolean {
  return b.width > 0 && b.height > 0 && b.left < viewport.width && b.top < viewport.height && b.left + b.width > 0 && b.top + b.height > 0;
}

/**
 * Top-left corner of a label `labelHeight` tall for box `b`: just above it; flipped below it when
 * there is no room above (top edge of the viewport); inside its top edge when there is room
 * neither above nor below (a box as tall as the viewport). Never left of the viewport.
 */
export function labelPosition(b: Box, labelHeight: number, viewport: Viewport): { x: number; y: number } {
  const x = Math.max(0, b.left);
  if (b.top - labelHeight >= 0) return { x, y: b.top - labelHeight };
  const below = b.top + b.height;
  if (below + labelHeight <= viewport.height) return { x, y: below };
  return { x, y: Math.max(0, b.top) };
}

/** `W × H` of a box, rounded to whole pixels (the size part of the inspect label). */
export const sizeText = (b: Box): string => `${Math.round(b.width)} × ${Math.round(b.height)}`;

/** A heat value as a CSS number in 0..1 (NaN and out-of-range values clamped). */
export const heatValue = (heat: number | undefined): string => String(Number.isFinite(heat) ? Math.min(1, Math.max(0, heat!)) : 0);
