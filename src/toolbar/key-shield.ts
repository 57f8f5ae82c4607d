/** Events that carry what the user types: keys, text input, IME composition. */
const TYPED = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'] as const;

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
 * each typed event whose target is inside `host` before the page's later listeners (every
 * document / element listener, window listeners added after the toolbar opened) see it, and hands
 * a copy to the same target inside the shadow root (`composed: false`: it stops at the root), so
 * the toolbar's handlers still run. The browser's own default action (the text typed, Tab, Enter
 * on a button) belongs to the original event and still happens, unless a handler cancels the copy.
 *
 * `handling` wraps that dispatch (the guard counts focus moved by it as the user's).
 *
 * Not possible from a page's DOM: a window capture listener the page registered before the
 * toolbar opened runs first and sees the key (on the host, not which control). Returns `isCopy`:
 * whether an event is one of these copies (untrusted, but the user's).
 */
export function shieldKeys(win: Window, host: Element, signal: AbortSignal, handling: (run: () => void) => void = (run) => run()): (e: Event) => boolean {
  const copies = new WeakSet<Event>();
  const onTyped = (e: Event) => {
    if (!e.isTrusted) return;
    const path = e.composedPath();
    if (!path.includes(host) || path[0] === host) return;
    e.stopImmediatePropagation();
    const copy = copyOf(e);
    copies.add(copy);
    handling(() => path[0].dispatchEvent(copy));
    if (copy.defaultPrevented) e.preventDefault();
  };
  for (const type of TYPED) win.addEventListener(type, onTyped, { capture: true, signal });
  return (e) => copies.has(e);
}
