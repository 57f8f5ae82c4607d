// @ts-nocheck
import { topRect, watchFrames } from './frames';
import { OUTLINE_CAP, heatValue } from './geometry';
import { createDivPool } from './pool';
import { planSlot, writeSlot, type ReadContext, type Slot } from './slot';

/** One element to outline. */
export interface OutlineSpec {
  element: Element;
  label?: string;
  tone?: 'match' | 'heat' | 'candidate' | 'warn';
  /** For tone 'heat': intensity 0..1, exposed to CSS as `--heat`. */
  heat?: number;
}

/** Boxes drawn over the page, kept aligned with their elements. */
export interface Overlay {
  /**
   * Highlights one element (the inspect hover box) with `label` (tag, selector…) followed by the
   * element's size, `W × H`; no label when `label` is undefined. null hides it. Drawn at once (it
   * is called from inspect's animation frame), one read then one write.
   */
  highlight(element: Element | null, label?: string): void;
  /**
   * Replaces the outlines of `group` (preview matches, candidate matches, heatmap). Disconnected
   * elements are dropped, then at most 1,000 are drawn; `drawn` says how many. Drawn on the next
   * animation frame, batched with every other change of that frame.
   */
  outline(group: string, specs: OutlineSpec[]): { drawn: number };
  /** Removes the outlines of `group`; without a group, every outline and the highlight. */
  clear(group?: string): void;
  /** Rect of an element in top-window viewport coordinates (adds the offsets of same-origin iframes it is inside). */
  rectOf(element: Element): DOMRect;
}

const TONES = ['match', 'heat', 'candidate', 'warn'] as const;

/**
 * Draws into `layer` (inside the toolbar's shadow root) with pooled `position: fixed` divs moved
 * by transforms. Scrolling (the window, scroll containers, same-origin iframes) and resizing
 * re-align every box in one animation frame that reads all rects, then writes all styles.
 * Aborting `signal` removes the divs and every listener.
 */
export function createOverlay(layer: HTMLElement, win: Window, signal: AbortSignal): Overlay {
  const pool = createDivPool(layer);
  const groups = new Map<string, Slot[]>();
  const labelHeights = new Map<string, number>();
  let hl: Slot | null = null;
  let frame = 0;

  const newSlot = (boxClass: string, labelClass: string, withSize: boolean): Slot => ({
    element: null, box: pool.take(boxClass), label: null, text: '', withSize, labelClass, boxKey: '', labelKey: '',
  });
  const setLabel = (slot: Slot, text: string | undefined, className: string) => {
    slot.text = text ?? '';
    if (text && !slot.label) slot.label = pool.take(className);
    else if (!text && slot.label) {
      pool.release(slot.label);
      slot.label = null;
      slot.labelKey = '';
    }
    if (slot.label && slot.label.className !== className) slot.label.className = className;
  };
  const releaseSlot = (slot: Slot) => {
    pool.release(slot.box);
    if (slot.label) pool.release(slot.label);
  };

  /** Reads every slot, then writes every slot. */
  const render = (slots: Slot[]) => {
    const ctx: ReadContext = {
      top: win, viewport: { width: win.innerWidth, height: win.innerHeight }, frames: new Map(), labelHeights, remeasured: false,
    };
    const plans = slots.map((slot) => planSlot(slot, ctx));
    slots.forEach((slot, i) => writeSlot(slot, plans[i]));
    if (ctx.remeasured) schedule();
  };
  const allSlots = (): Slot[] => {
    const slots = hl?.element ? [hl] : [];
    for (const list of groups.values()) slots.push(...list);
    return slots;
  };
  const schedule = () => {
    if (frame || signal.aborted || (!hl?.element && groups.size === 0)) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      render(allSlots());
    });
  };

  const listen = { capture: true, passive: true, signal };
  watchFrames(win, signal, (w) => {
    // scroll does not bubble, but its capture phase reaches the window from any scroll container.
    w.addEventListener('scroll', schedule, listen);
    w.addEventListener('resize', schedule, listen);
  });
  signal.addEventListener('abort', () => {
    if (frame) win.cancelAnimationFrame(frame);
    groups.clear();
    hl = null;
    pool.destroy();
  }, { once: true });

  const hideHighlight = () => {
    if (!hl) return;
    hl.element = null;
    writeSlot(hl, { box: null, label: null });
  };

  return {
    highlight(element, label) {
      if (signal.aborted) return;
      if (!element) return hideHighlight();
      hl ??= newSlot('lasso-hl', 'lasso-hl-label', true);
      hl.element = element;
      setLabel(hl, label, 'lasso-hl-label');
      render([hl]);
    },
    outline(group, specs) {
      if (signal.aborted) return { drawn: 0 };
      const wanted = specs.filter((s) => s.element?.isConnected).slice(0, OUTLINE_CAP);
      const old = groups.get(group) ?? [];
      const slots = wanted.map((spec, i) => {
        const tone = spec.tone && TONES.includes(spec.tone) ? spec.tone : 'match';
        const slot = old[i] ?? newSlot('', '', false);
        slot.element = spec.element;
        const boxClass = `lasso-outline lasso-outline--${tone}`;
        if (slot.box.className !== boxClass) slot.box.className = boxClass;
        setLabel(slot, spec.label, `lasso-outline-label lasso-outline-label--${tone}`);
        slot.labelClass = 'lasso-outline-label';
        for (const div of [slot.box, slot.label]) {
          if (tone === 'heat') div?.style.setProperty('--heat', heatValue(spec.heat));
          else div?.style.removeProperty('--heat');
        }
        return slot;
      });
      old.slice(slots.length).forEach(releaseSlot);
      if (slots.length) groups.set(group, slots);
      else groups.delete(group);
      schedule();
      return { drawn: slots.length };
    },
    clear(group) {
      const names = group === undefined ? [...groups.keys()] : [group];
      for (const name of names) {
        groups.get(name)?.forEach(releaseSlot);
        groups.delete(name);
      }
      if (group === undefined) hideHighlight();
    },
    rectOf(element) {
      const { rect } = topRect(element, win);
      return new DOMRect(rect.left, rect.top, rect.width, rect.height);
    },
  };
}
