// @ts-nocheck
import { addEarlyListener, pathInside, TYPED } from './key-gate';

/** The fields the toolbar's handlers read from typed events. */
const FIELDS = ['key', 'code', 'location', 'repeat', 'isComposing', 'ctrlKey', 'shiftKey', 'altKey', 'metaKey', 'data', 'inputType'] as const;

/**
 * A copy of `e` for the toolbar's own listeners: a plain Event (`composed: false`, so it stops at
 * the shadow root) carrying the fields they read. Not a KeyboardEvent: Firefox dispatches those
 * as composed whatever the init says, and the page would see the copy.
 */
function copyOf(e: Event): Event {
  const copy = new Event(e.type, { bubbles: e.bubbles, cancelable: e.cancelable, composed: false });
  const source = e as unknown as Record<string, unknown>;
  for (const field of FIELDS) {
    if (field in e) Object.defineProperty(copy, field, { value: source[field], enumerable: true });
  }
  return copy;
}

/**
 * Keep what is typed in the toolbar from the page: the toolbar's window capture listener stops
 * each typed event whose target is inside `host` before the page's listeners see it, and hands
 * a copy to the same target inside the shadow root (`composed: false`: it stops at the root), so
 * the toolbar's handlers still run. The browser's own default action (the text typed, Tab, Enter
 * on a button) belongs to the original event and still happens, unless a handler cancels the copy.
 *
 * `handling` wraps that dispatch (the guard counts focus moved by it as the user's).
 *
 * On the sites capture runs on, the listener sits in the key gate (registered at document_start,
 * before any page script): no page listener sees the key. Elsewhere (a toolbar opened through
 * activeTab only) it is added when the toolbar opens: a window capture listener the page
 * registered before that still runs first and sees the key (on the host, not which control).
 * Returns `isCopy`: whether an event is one of these copies (untrusted, but the user's).
 */
export function shieldKeys(win: Window, host: Element, shadow: ShadowRoot, signal: AbortSignal, handling: (run: () => void) => void = (run) => run()): (e: Event) => boolean {
  const copies = new WeakSet<Event>();
  const onTyped = (e: Event) => {
    if (!e.isTrusted) return;
    const path = pathInside(e, host, shadow);
    if (!path || path[0] === host) return;
    e.stopImmediatePropagation();
    const copy = copyOf(e);
    copies.add(copy);
    handling(() => path[0].dispatchEvent(copy));
    if (copy.defaultPrevented) e.preventDefault();
  };
  for (const type of TYPED) addEarlyListener(win, type, onTyped, signal);
  return (e) => copies.has(e);
}
