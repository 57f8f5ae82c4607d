// @ts-nocheck
import { topRect, type FrameBoxCache } from './frames';
import { DEFAULT_LABEL_HEIGHT, intersect, isVisible, labelPosition, sizeText, type Box, type Viewport } from './geometry';

/** One drawn element: its box div, optional label div, and what was last written to them. */
export interface Slot {
  element: Element | null;
  box: HTMLElement;
  label: HTMLElement | null;
  /** Label text as given by the caller. */
  text: string;
  /** Append the element's size to the label (the inspect highlight). */
  withSize: boolean;
  /** Class whose measured height is used for this slot's label. */
  labelClass: string;
  /** Geometry key last written to the box / label; '' = hidden. */
  boxKey: string;
  labelKey: string;
}

/** What one read pass decided for a slot; applied in the write pass. */
export interface Plan {
  box: Box | null;
  label: { x: number; y: number; text: string } | null;
}

/** Everything a read pass shares: viewport, frame offsets and measured label heights. */
export interface ReadContext {
  top: Window;
  viewport: Viewport;
  frames: FrameBoxCache;
  labelHeights: Map<string, number>;
  /** Set when a label height was measured that differs from the one used: render again. */
  remeasured: boolean;
}

/** Read phase for one slot: layout reads only, no writes. */
export function planSlot(slot: Slot, ctx: ReadContext): Plan {
  const el = slot.element;
  if (!el || !el.isConnected) return { box: null, label: null };
  const { rect, clip } = topRect(el, ctx.top, ctx.frames);
  const box = clip ? intersect(rect, clip) : rect;
  if (!isVisible(box, ctx.viewport)) return { box: null, label: null };
  if (!slot.label || !slot.text) return { box, label: null };
  if (slot.labelKey && !ctx.labelHeights.has(slot.labelClass)) {
    // Measured once per label kind, while one is shown (a hidden label has no height).
    const h = slot.label.offsetHeight;
    if (h > 0) {
      ctx.labelHeights.set(slot.labelClass, h);
      ctx.remeasured ||= h !== DEFAULT_LABEL_HEIGHT;
    }
  }
  const pos = labelPosition(box, ctx.labelHeights.get(slot.labelClass) ?? DEFAULT_LABEL_HEIGHT, ctx.viewport);
  const text = slot.withSize ? `${slot.text} · ${sizeText(rect)}` : slot.text;
  return { box, label: { ...pos, text } };
}

/** Hides a div unless already hidden. */
function hide(div: HTMLElement, key: string): string {
  if (key) div.style.display = 'none';
  return '';
}

/** Write phase for one slot: only styles and text that changed since the last write. */
export function writeSlot(slot: Slot, plan: Plan): void {
  const b = plan.box;
  const boxKey = b ? `${b.left},${b.top},${b.width},${b.height}` : '';
  if (boxKey !== slot.boxKey) {
    if (!b) slot.boxKey = hide(slot.box, slot.boxKey);
    else {
      const s = slot.box.style;
      s.transform = `translate(${b.left}px, ${b.top}px)`;
      s.width = `${b.width}px`;
      s.height = `${b.height}px`;
      if (!slot.boxKey) s.display = '';
      slot.boxKey = boxKey;
    }
  }
  if (!slot.label) return;
  const l = plan.label;
  const labelKey = l ? `${l.x},${l.y}` : '';
  if (l && l.text !== slot.label.textContent) slot.label.textContent = l.text;
  if (labelKey === slot.labelKey) return;
  if (!l) slot.labelKey = hide(slot.label, slot.labelKey);
  else {
    slot.label.style.transform = `translate(${l.x}px, ${l.y}px)`;
    if (!slot.labelKey) slot.label.style.display = '';
    slot.labelKey = labelKey;
  }
}
