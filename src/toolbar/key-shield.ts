/** Events that carry what the user types: keys, text input, IME composition. */
const TYPED = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'] as const;

/** A copy of `e` for the toolbar's own listeners: same fields, but it never leaves the shadow root. */
function copyOf(e: Event): Event {
  const base = { bubbles: e.bubbles, cancelable: e.cancelable, composed: false };
  // Fields, not instanceof: in Firefox the event is an Xray of the page's object.
  if ('key' in e) {
    const { key, code, location, repeat, isComposing, ctrlKey, shiftKey, altKey, metaKey } = e as KeyboardEvent;
    return new KeyboardEvent(e.type, { ...base, key, code, location, repeat, isComposing, ctrlKey, shiftKey, altKey, metaKey });
  }
  if ('inputType' in e) {
    const { data, inputType, isComposing } = e as InputEvent;
    return new InputEvent(e.type, { ...base, data, inputType, isComposing });
  }
  if ('data' in e) return new CompositionEvent(e.type, { ...base, data: (e as CompositionEvent).data });
  return new Event(e.type, base);
}

/**
 * Keep what is typed in the toolbar from the page: the toolbar's window capture listener stops
 * each typed event whose target is inside `host` before the page's later listeners (every
 * document / element listener, window listeners added after the toolbar opened) see it, and hands
 * a copy to the same target inside the shadow root (`composed: false`: it stops at the root), so
 * the toolbar's handlers still run. The browser's own default action (the text typed, Tab, Enter
 * on a button) belongs to the original event and still happens, unless a handler cancels the copy.
 *
 * Not possible from a page's DOM: a window capture listener the page registered before the
 * toolbar opened runs first and sees the key (on the host, not which control). Returns `isCopy`:
 * whether an event is one of these copies (untrusted, but the user's).
 */
export function shieldKeys(win: Window, host: Element, signal: AbortSignal): (e: Event) => boolean {
  const copies = new WeakSet<Event>();
  const onTyped = (e: Event) => {
    if (!e.isTrusted) return;
    const path = e.composedPath();
    if (!path.includes(host) || path[0] === host) return;
    e.stopImmediatePropagation();
    const copy = copyOf(e);
    copies.add(copy);
    path[0].dispatchEvent(copy);
    if (copy.defaultPrevented) e.preventDefault();
  };
  for (const type of TYPED) win.addEventListener(type, onTyped, { capture: true, signal });
  return (e) => copies.has(e);
}
