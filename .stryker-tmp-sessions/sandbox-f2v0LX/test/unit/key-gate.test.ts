// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { addEarlyListener, installKeyGate, pathInside } from '../../src/toolbar/key-gate';

const owners: AbortController[] = [];
function owner(): AbortSignal {
  const c = new AbortController();
  owners.push(c);
  return c.signal;
}
afterEach(() => {
  for (const c of owners.splice(0)) c.abort();
});

/** Who saw a keydown dispatched on the body, in order. */
function typeKey(): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
}

describe('key gate: the toolbar runs before the page', () => {
  it('a listener added through the gate runs before a page window capture listener registered earlier', () => {
    const seen: string[] = [];
    installKeyGate(window, owner()); // document_start
    window.addEventListener('keydown', () => seen.push('page'), { capture: true, signal: owner() }); // a page script
    const where = addEarlyListener(window, 'keydown', (e) => {
      seen.push('toolbar');
      e.stopImmediatePropagation();
    }, owner()); // the toolbar, opened later
    typeKey();
    expect(where).toBe('gate');
    expect(seen).toEqual(['toolbar']);
  });

  it('without a gate the listener goes on the window, after the page’s', () => {
    const seen: string[] = [];
    window.addEventListener('keydown', () => seen.push('page'), { capture: true, signal: owner() });
    const where = addEarlyListener(window, 'keydown', () => seen.push('toolbar'), owner());
    typeKey();
    expect(where).toBe('window');
    expect(seen).toEqual(['page', 'toolbar']);
  });

  it('gate listeners run in the order added, and stop when their owner aborts', () => {
    const seen: string[] = [];
    installKeyGate(window, owner());
    const guard = new AbortController();
    addEarlyListener(window, 'keydown', () => seen.push('guard'), guard.signal);
    addEarlyListener(window, 'keydown', () => seen.push('shield'), owner());
    typeKey();
    guard.abort();
    typeKey();
    expect(seen).toEqual(['guard', 'shield', 'shield']);
  });

  it('types outside the gate (pointerdown) always go on the window', () => {
    installKeyGate(window, owner());
    expect(addEarlyListener(window, 'pointerdown', () => undefined, owner())).toBe('window');
  });

  it('a second install keeps the first gate; aborting its owner removes it', () => {
    const seen: string[] = [];
    const first = new AbortController();
    installKeyGate(window, first.signal);
    installKeyGate(window, owner());
    addEarlyListener(window, 'keydown', () => seen.push('toolbar'), owner());
    typeKey();
    first.abort();
    expect(addEarlyListener(window, 'keydown', () => undefined, owner())).toBe('window');
    typeKey();
    expect(seen).toEqual(['toolbar']);
  });
});

describe('pathInside: the toolbar’s part of an event path, from outside its shadow root', () => {
  // host > shadow > panel > input, and a button; the shadow root closed as in production.
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'open' });
  const panel = document.createElement('section');
  const input = document.createElement('input');
  const button = document.createElement('button');
  panel.append(input, button);
  shadow.append(panel);
  const outer = [host, document.body, document.documentElement, document, window];
  /** The shadow root with what has the focus and what is under the pointer set for the case. */
  const fakeShadow = (active: Element | null, atPoint: Element | null) => {
    Object.defineProperty(shadow, 'activeElement', { value: active, configurable: true });
    Object.defineProperty(shadow, 'elementFromPoint', { value: () => atPoint, configurable: true });
    return shadow;
  };
  const event = (path: EventTarget[], pointer = false) => ({ composedPath: () => path, ...(pointer && { clientX: 5, clientY: 6 }) }) as unknown as Event;

  it.each<[string, Event, () => ShadowRoot, EventTarget[] | null]>([
    ['open root: the browser’s own path', event([input, panel, shadow, ...outer]), () => fakeShadow(null, null), [input, panel, shadow, ...outer]],
    ['closed root, a key: from the focused element', event(outer), () => fakeShadow(input, null), [input, panel, shadow, ...outer]],
    ['closed root, a pointer press: from the element under the pointer', event(outer, true), () => fakeShadow(input, button), [button, panel, shadow, ...outer]],
    ['closed root, nothing focused inside: the host', event(outer), () => fakeShadow(null, null), outer],
    ['not the toolbar’s event', event([document.body, document, window]), () => fakeShadow(input, button), null],
  ])('%s', (_name, e, root, expected) => {
    expect(pathInside(e, host, root())).toEqual(expected);
  });
});
