// @ts-nocheck
import { shadowHostOf } from '../../autocapture/elements';

/** Keyboard moves through the tree. */
export type Direction = 'parent' | 'child' | 'prev' | 'next';

/** Elements that are never rendered, so never worth stepping onto. */
const UNRENDERED = new Set(['script', 'style', 'template', 'link', 'meta', 'noscript', 'title', 'base', 'head']);

const rendered = (el: Element | null): boolean => !!el && !UNRENDERED.has(el.localName);

/** The first rendered element from `el` on, following `step`. */
function walk(el: Element | null, step: (e: Element) => Element | null): Element | null {
  let cur = el;
  while (cur && !rendered(cur)) cur = step(cur);
  return cur;
}

/** The iframe showing `el`'s document when `el` is that document's root (same-origin only). */
function frameOf(el: Element): Element | null {
  if (el !== el.ownerDocument.documentElement) return null;
  try {
    return el.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/** Where a child step goes into: an open shadow root, a same-origin frame's document, or `el` itself. */
function childRoot(el: Element): ParentNode | null {
  if (el.shadowRoot?.firstElementChild) return el.shadowRoot;
  if (el.localName === 'iframe' || el.localName === 'frame') {
    try {
      const doc = (el as HTMLIFrameElement).contentDocument;
      if (doc?.body) return doc.body.firstElementChild ? doc.body : doc;
    } catch {
      // cross-origin
    }
  }
  return el;
}

/**
 * The element one keyboard step away from `el`, or null when there is none:
 * `parent` crosses shadow hosts and same-origin frame boundaries; `child` is the first rendered
 * element child (inside an open shadow root when there is one, inside a same-origin frame's
 * body); `prev` / `next` are the nearest rendered element siblings.
 */
export function neighbour(el: Element, direction: Direction): Element | null {
  switch (direction) {
    case 'parent':
      return el.parentElement ?? shadowHostOf(el.parentNode) ?? frameOf(el);
    case 'child': {
      const root = childRoot(el);
      return walk(root?.firstElementChild ?? null, (e) => e.nextElementSibling);
    }
    case 'prev':
      return walk(el.previousElementSibling, (e) => e.previousElementSibling);
    case 'next':
      return walk(el.nextElementSibling, (e) => e.nextElementSibling);
  }
}
