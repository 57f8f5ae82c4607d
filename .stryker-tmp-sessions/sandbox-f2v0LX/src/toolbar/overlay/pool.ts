/**
 * Pooled overlay divs. Boxes and labels are plain divs that differ only by class, so one free list
 * serves both; a released div stays in the layer, hidden, until it is taken again (creating and
 * removing elements costs more than toggling display).
 */
// @ts-nocheck

export interface DivPool {
  /** A hidden div in the layer with exactly `className`. */
  take(className: string): HTMLElement;
  /** Hides `div` and keeps it for reuse. */
  release(div: HTMLElement): void;
  /** Removes every div this pool created from the layer. */
  destroy(): void;
}

/** Geometry-critical inline styles: fixed at the viewport origin, moved by transform, never hit-tested. */
const BASE_STYLE = 'position:fixed;left:0;top:0;margin:0;box-sizing:border-box;pointer-events:none;display:none';

/** A pool of divs living in `layer`. */
export function createDivPool(layer: HTMLElement): DivPool {
  const free: HTMLElement[] = [];
  const all: HTMLElement[] = [];
  return {
    take(className) {
      let div = free.pop();
      if (!div) {
        div = layer.ownerDocument.createElement('div');
        // CSSOM, not a style attribute: a strict page CSP (style-src without 'unsafe-inline') allows it.
        div.style.cssText = BASE_STYLE;
        layer.appendChild(div);
        all.push(div);
      }
      div.className = className;
      return div;
    },
    release(div) {
      // Back to the base style: a box reused as a label must not keep its old width and height.
      div.style.cssText = BASE_STYLE;
      div.className = '';
      div.textContent = '';
      free.push(div);
    },
    destroy() {
      for (const div of all) div.remove();
      all.length = 0;
      free.length = 0;
    },
  };
}
