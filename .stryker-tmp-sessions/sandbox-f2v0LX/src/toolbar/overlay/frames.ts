// @ts-nocheck
import { intersect, shift, type Box } from './geometry';

/** Tag names of elements that host a nested browsing context. */
const FRAME_SELECTOR = 'iframe, frame';

/**
 * Calls `onWindow` for `win` and for the window of every same-origin iframe inside it (nested
 * ones too): now, when an iframe is added later, and each time an iframe loads a new document —
 * until `signal` aborts. Cross-origin frames are skipped (reading their document throws).
 *
 * `onWindow` may be called again for a window it has seen (a frame navigated from its initial
 * about:blank keeps its Window object), so it must be idempotent: add listeners with the same
 * function references and options, which addEventListener ignores when already present.
 * Iframes inside shadow roots are not found.
 */
export function watchFrames(win: Window, signal: AbortSignal, onWindow: (w: Window) => void): void {
  const seen = new WeakSet<Document>();
  const visitFrame = (frame: Element) => {
    // A reload replaces the document (and usually the Window): visit again on every load.
    frame.addEventListener('load', onLoad, { signal });
    const w = (frame as HTMLIFrameElement).contentWindow;
    if (w) visitWindow(w);
  };
  const onLoad = (e: Event) => visitFrame(e.currentTarget as Element);
  const visitWindow = (w: Window) => {
    let doc: Document;
    try {
      doc = w.document;
      if (!doc) return;
    } catch {
      return; // cross-origin
    }
    if (signal.aborted || seen.has(doc)) return;
    seen.add(doc);
    onWindow(w);
    for (const frame of doc.querySelectorAll(FRAME_SELECTOR)) visitFrame(frame);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const el = node as Element;
          if (el.matches(FRAME_SELECTOR)) visitFrame(el);
          else if (el.firstElementChild) for (const frame of el.querySelectorAll(FRAME_SELECTOR)) visitFrame(frame);
        }
      }
    });
    observer.observe(doc, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  };
  visitWindow(win);
}

/** Cache of frame content boxes for one read pass (frames do not move within a pass). */
export type FrameBoxCache = Map<Element, Box>;

/** Content box of `frame` in its own document's viewport: where the framed document's (0, 0) is. */
function frameContentBox(frame: Element, top: Window, cache: FrameBoxCache): Box {
  let box = cache.get(frame);
  if (!box) {
    const r = frame.getBoundingClientRect();
    const style = top.getComputedStyle(frame);
    const padLeft = parseFloat(style.paddingLeft) || 0;
    const padTop = parseFloat(style.paddingTop) || 0;
    box = {
      left: r.left + frame.clientLeft + padLeft,
      top: r.top + frame.clientTop + padTop,
      width: Math.max(0, frame.clientWidth - padLeft - (parseFloat(style.paddingRight) || 0)),
      height: Math.max(0, frame.clientHeight - padTop - (parseFloat(style.paddingBottom) || 0)),
    };
    cache.set(frame, box);
  }
  return box;
}

/**
 * `element`'s rect in `top`'s viewport: its own getBoundingClientRect plus the content-box offset
 * of every same-origin frame it is inside. `clip` is the visible part of those frames (null when
 * the element is in `top` itself): what lies outside it is scrolled out of view inside a frame.
 */
export function topRect(element: Element, top: Window, cache: FrameBoxCache = new Map()): { rect: Box; clip: Box | null } {
  const r = element.getBoundingClientRect();
  let rect: Box = { left: r.left, top: r.top, width: r.width, height: r.height };
  let clip: Box | null = null;
  let w: Window | null = element.ownerDocument.defaultView;
  while (w && w !== top) {
    let frame: Element | null = null;
    try {
      frame = w.frameElement;
    } catch {
      // the parent is cross-origin: stop here
    }
    if (!frame) break;
    const f = frameContentBox(frame, top, cache);
    rect = shift(rect, f.left, f.top);
    clip = clip ? intersect(shift(clip, f.left, f.top), f) : f;
    w = frame.ownerDocument.defaultView;
  }
  return { rect, clip };
}
