/** Events that carry what the user types: keys, text input, IME composition. */
// @ts-nocheck

export const TYPED = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'] as const;

type Listener = (e: Event) => void;

/**
 * Window capture listeners for typed events that run before any the page registers. Held on the
 * content scripts' global (their isolated world: the page cannot see or replace it), where the
 * toolbar, injected later into the same world, finds it.
 */
interface KeyGate {
  listeners: Map<string, Set<Listener>>;
}

const GATE = '__lassoKeyGate';

function gateOf(): KeyGate | undefined {
  return (globalThis as Record<string, unknown>)[GATE] as KeyGate | undefined;
}

/**
 * Run at `document_start` (before any page script) on the sites capture runs on: one window
 * capture listener per typed event type, registered first, so the toolbar's key shield can stop
 * what is typed into the toolbar before every listener of the page — including window capture
 * listeners the page registered before the toolbar opened. Does nothing until a toolbar adds
 * listeners (one empty-set lookup per key). Removed when `signal` aborts.
 */
export function installKeyGate(win: Window, signal: AbortSignal): void {
  if (gateOf()) return;
  const gate: KeyGate = { listeners: new Map(TYPED.map((type) => [type, new Set<Listener>()])) };
  const g = globalThis as Record<string, unknown>;
  g[GATE] = gate;
  for (const type of TYPED) {
    const own = gate.listeners.get(type) as Set<Listener>;
    win.addEventListener(type, (e) => {
      // A copy: a listener removing itself must not skip the next one.
      for (const listener of [...own]) listener(e);
    }, { capture: true, signal });
  }
  signal.addEventListener('abort', () => {
    if (g[GATE] === gate) delete g[GATE];
  }, { once: true });
}

/**
 * Add a window capture-phase listener for the toolbar, as early as this page allows: inside the
 * key gate when there is one and `type` is a typed event (then it runs before every page
 * listener; the gate's listeners run in the order added), otherwise on `win` (then a page window
 * capture listener registered before it runs first). Returns which of the two it got.
 */
export function addEarlyListener(win: Window, type: string, listener: Listener, signal: AbortSignal): 'gate' | 'window' {
  const own = gateOf()?.listeners.get(type);
  if (!own) {
    win.addEventListener(type, listener, { capture: true, signal });
    return 'window';
  }
  own.add(listener);
  signal.addEventListener('abort', () => own.delete(listener), { once: true });
  return 'gate';
}

/**
 * An event's path as the toolbar sees it, from a listener outside its shadow root (window,
 * document): with an open root the browser gives it; with a closed root the path stops at
 * `host` (retargeted), so the part inside is rebuilt from the focused element (keys, input) or
 * the element under the pointer (pointer events). `null` when the event is not the toolbar's.
 */
export function pathInside(e: Event, host: Element, shadow: ShadowRoot): EventTarget[] | null {
  const path = e.composedPath();
  if (!path.includes(host)) return null;
  if (path[0] !== host) return path;
  const pointer = e as MouseEvent;
  const inner = typeof pointer.clientX === 'number' ? shadow.elementFromPoint(pointer.clientX, pointer.clientY) : shadow.activeElement;
  if (!inner || inner === host || !shadow.contains(inner)) return path;
  const chain: EventTarget[] = [];
  for (let node: Node | null = inner; node && node !== shadow; node = node.parentNode) chain.push(node);
  return [...chain, shadow, ...path];
}
