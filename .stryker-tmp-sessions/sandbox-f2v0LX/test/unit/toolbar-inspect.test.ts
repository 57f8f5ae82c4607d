// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startInspect, type InspectOptions } from '../../src/toolbar/inspect/inspect';
import { keyAction } from '../../src/toolbar/inspect/keys';
import { elementLabel } from '../../src/toolbar/inspect/label';

const PAGE = `
  <main id="main">
    <button id="buy"><svg id="icon"><path id="path" d="M0 0"></path></svg> Buy</button>
    <a id="link" href="/x"><span id="inner">Go <b id="bold">now</b></span></a>
    <p id="a">A</p><script></script><p id="b"><em id="em">x</em></p>
    <div id="shadow-host"></div>
  </main>
  <div id="lasso" data-lasso-ui class="ph-no-capture"></div>`;

let controller: AbortController;
afterEach(() => controller?.abort());

/** Renders the page (an open shadow root on #shadow-host, the toolbar host #lasso) and starts inspect. */
function setup(overrides: Partial<InspectOptions> = {}) {
  document.body.innerHTML = PAGE;
  const shadow = byId('shadow-host').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<style>span{}</style><span id="in-shadow">S</span>';
  const toolbar = byId('lasso').attachShadow({ mode: 'open' });
  toolbar.innerHTML = '<button id="tool-button">Save</button><input id="tool-input">';
  controller = new AbortController();
  const calls = { onHover: vi.fn(), onPick: vi.fn(), onExit: vi.fn() };
  const host = byId('lasso');
  const inspector = startInspect({
    win: window, signal: controller.signal, isOwnUi: (n) => n === host, isTrusted: () => true, ...calls, ...overrides,
  });
  return { ...calls, inspector, shadow, toolbar };
}

const byId = (id: string): Element => document.getElementById(id)!;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const init = { bubbles: true, composed: true, cancelable: true };
const hover = (el: EventTarget) => el.dispatchEvent(new PointerEvent('pointermove', init));
const key = (el: EventTarget, k: string, type = 'keydown') => {
  const e = new KeyboardEvent(type, { ...init, key: k });
  el.dispatchEvent(e);
  return e;
};

/** Registers the page's own listeners: document capture phase and on the element itself. */
function pageListeners(el: EventTarget, types: string[]) {
  const seen: string[] = [];
  for (const type of types) {
    document.addEventListener(type, () => seen.push(`document:${type}`), true);
    el.addEventListener(type, () => seen.push(`element:${type}`));
  }
  return seen;
}

describe('hover', () => {
  it.each([
    ['svg path inside a button → the button', 'path', 'buy'],
    ['span inside a link → the link', 'inner', 'link'],
    ['bold inside a span inside a link → the link', 'bold', 'link'],
    ['plain paragraph → itself', 'a', 'a'],
  ])('%s', async (_name, pointedId, targetId) => {
    const { onHover, inspector } = setup();
    hover(byId(pointedId));
    await frame();
    expect(onHover).toHaveBeenCalledExactlyOnceWith(byId(targetId), byId(pointedId));
    expect(inspector.current()).toBe(byId(targetId));
  });

  it('reaches inside an open shadow root (composedPath, not the retargeted host)', async () => {
    const { onHover, shadow } = setup();
    const inner = shadow.getElementById('in-shadow')!;
    hover(inner);
    await frame();
    expect(onHover).toHaveBeenCalledExactlyOnceWith(inner, inner);
  });

  it('uses the parent of a text node', async () => {
    const { onHover } = setup();
    hover(byId('a').firstChild!);
    await frame();
    expect(onHover).toHaveBeenCalledExactlyOnceWith(byId('a'), byId('a'));
  });

  it('does the work once per frame, for the last pointer element, and not again for the same element', async () => {
    const { onHover } = setup();
    hover(byId('a'));
    hover(byId('path'));
    hover(byId('inner'));
    await frame();
    expect(onHover).toHaveBeenCalledExactlyOnceWith(byId('link'), byId('inner'));
    hover(byId('inner'));
    byId('inner').dispatchEvent(new MouseEvent('mouseover', init));
    await frame();
    expect(onHover).toHaveBeenCalledTimes(1);
  });

  it('reports nothing hovered over the toolbar', async () => {
    const { onHover, toolbar } = setup();
    hover(byId('a'));
    await frame();
    hover(toolbar.getElementById('tool-button')!);
    await frame();
    expect(onHover).toHaveBeenLastCalledWith(null, null);
  });

  it('reports nothing hovered when the pointer leaves the window', async () => {
    const { onHover } = setup();
    hover(byId('a'));
    await frame();
    byId('a').dispatchEvent(new MouseEvent('mouseout', { ...init, relatedTarget: null }));
    await frame();
    expect(onHover).toHaveBeenLastCalledWith(null, null);
  });
});

describe('keyboard', () => {
  it.each([
    ['ArrowUp', 'b', 'main'],
    ['ArrowDown', 'b', 'em'],
    ['ArrowLeft', 'b', 'a'],
    ['ArrowRight', 'a', 'b'], // skips the <script> between them
    ['ArrowUp', 'in-shadow', 'shadow-host'], // crosses the shadow host boundary
    ['ArrowDown', 'shadow-host', 'in-shadow'], // into the open shadow root, skipping <style>
    ['ArrowDown', 'buy', 'icon'], // reaches what resolveTarget would never propose
  ])('%s from #%s goes to #%s', (k, fromId, toId) => {
    const { onHover, inspector, shadow } = setup();
    const find = (id: string) => document.getElementById(id) ?? shadow.getElementById(id)!;
    inspector.processPointer(find(fromId));
    const pageKeys = pageListeners(document.body, ['keydown']);
    const event = key(document.body, k);
    expect(onHover).toHaveBeenLastCalledWith(find(toId), find(toId));
    expect(inspector.current()).toBe(find(toId));
    expect(event.defaultPrevented).toBe(true);
    expect(pageKeys).toEqual([]);
  });

  it.each([
    ['ArrowDown', 'em'], // no child
    ['ArrowLeft', 'buy'], // no previous sibling
  ])('%s from #%s stays put', (k, fromId) => {
    const { onHover, inspector } = setup();
    inspector.processPointer(byId(fromId));
    key(document.body, k);
    expect(onHover).toHaveBeenCalledTimes(1);
    expect(inspector.current()).toBe(byId(fromId));
  });

  it('keeps the keyboard choice while the pointer jitters on the same element', async () => {
    const { inspector } = setup();
    hover(byId('a'));
    await frame();
    key(document.body, 'ArrowRight');
    hover(byId('a').firstChild!); // its text node: still #a
    await frame();
    expect(inspector.current()).toBe(byId('b'));
  });

  it('Escape calls onExit and the page never sees the key', () => {
    const { onExit } = setup();
    const seen = pageListeners(document.body, ['keydown', 'keyup']);
    expect(key(document.body, 'Escape').defaultPrevented).toBe(true);
    key(document.body, 'Escape', 'keyup');
    expect(onExit).toHaveBeenCalledOnce();
    expect(seen).toEqual([]);
  });

  it('Enter picks the current element with the element that was pointed at', async () => {
    const { onPick } = setup();
    hover(byId('path'));
    await frame();
    key(document.body, 'Enter');
    expect(onPick).toHaveBeenCalledExactlyOnceWith(byId('buy'), byId('path'));
  });

  it('keys typed in the toolbar pass through untouched', () => {
    const { onExit, toolbar } = setup();
    const input = toolbar.getElementById('tool-input')!;
    const seen = pageListeners(input, ['keydown']);
    expect(key(input, 'Escape').defaultPrevented).toBe(false);
    expect(onExit).not.toHaveBeenCalled();
    expect(seen).toEqual(['document:keydown', 'element:keydown']);
  });

  it.each([
    [{ key: 'ArrowUp', altKey: false, ctrlKey: false, metaKey: false }, 'parent'],
    [{ key: 'ArrowUp', altKey: true, ctrlKey: false, metaKey: false }, null],
    [{ key: 'Enter', altKey: false, ctrlKey: true, metaKey: false }, null],
    [{ key: 'Escape', altKey: false, ctrlKey: false, metaKey: false, isComposing: true }, null],
    [{ key: 'a', altKey: false, ctrlKey: false, metaKey: false }, null],
    [{ key: 'toString', altKey: false, ctrlKey: false, metaKey: false }, null],
  ])('keyAction(%o) = %s', (info, action) => {
    expect(keyAction(info)).toBe(action);
  });
});

describe('picking', () => {
  const PRESS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];

  it('stops every press event before the page sees it and picks once on click', () => {
    const { onPick } = setup();
    const path = byId('path');
    const seen = pageListeners(path, [...PRESS, 'touchstart', 'touchend']);
    const events = PRESS.map((type) => (type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init)));
    for (const e of events) path.dispatchEvent(e);
    path.dispatchEvent(new Event('touchstart', init));
    expect(seen).toEqual([]);
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
    expect(onPick).toHaveBeenCalledExactlyOnceWith(byId('buy'), path);
  });

  it('blocks right clicks and the context menu without picking', () => {
    const { onPick } = setup();
    const seen = pageListeners(byId('a'), ['auxclick', 'contextmenu']);
    const menu = new MouseEvent('contextmenu', { ...init, button: 2 });
    byId('a').dispatchEvent(new MouseEvent('auxclick', { ...init, button: 2 }));
    byId('a').dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(onPick).not.toHaveBeenCalled();
  });

  it('leaves clicks on the toolbar untouched', () => {
    const { onPick, toolbar } = setup();
    const button = toolbar.getElementById('tool-button')!;
    const seen = pageListeners(button, ['click']);
    const click = new MouseEvent('click', init);
    button.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(seen).toEqual(['document:click', 'element:click']);
    expect(onPick).not.toHaveBeenCalled();
  });

  it.each([
    ['events the page fakes are ignored (isTrusted false; happy-dom events are untrusted)', () => setup({ isTrusted: undefined })],
    ['after abort every listener is gone', () => {
      const calls = setup();
      controller.abort();
      return calls;
    }],
  ])('%s: clicks reach the page, nothing is reported', async (_name, start) => {
    const { onPick, onExit, onHover } = start();
    const seen = pageListeners(byId('a'), ['click']);
    hover(byId('a'));
    byId('a').dispatchEvent(new MouseEvent('click', init));
    key(document.body, 'Escape');
    await frame();
    expect(seen).toEqual(['document:click', 'element:click']);
    expect([onPick, onExit, onHover].map((f) => f.mock.calls.length)).toEqual([0, 0, 0]);
  });
});

describe('same-origin iframes', () => {
  const FRAME = '<button id="in-frame"><span id="frame-span">F</span></button>';

  it('listens in iframes added later and in the new document after a reload', async () => {
    const { onHover, onPick } = setup();
    const iframe = document.createElement('iframe');
    iframe.setAttribute('srcdoc', FRAME);
    document.body.append(iframe);
    await frame(); // MutationObserver delivery, then the load event
    const span = iframe.contentDocument!.getElementById('frame-span')!;
    hover(span);
    await frame();
    expect(onHover).toHaveBeenLastCalledWith(iframe.contentDocument!.getElementById('in-frame'), span);

    iframe.setAttribute('srcdoc', FRAME.replace('F', 'G')); // a new document in a new window
    await frame();
    const button = iframe.contentDocument!.getElementById('in-frame')!;
    expect(button.textContent).toBe('G');
    const seen = pageListeners(button, ['click']);
    button.dispatchEvent(new MouseEvent('click', init));
    expect(seen).toEqual([]);
    expect(onPick).toHaveBeenCalledExactlyOnceWith(button, button);
  });

  it('ArrowUp from a framed document root goes to its iframe', async () => {
    const { onHover, inspector } = setup();
    const iframe = document.createElement('iframe');
    iframe.setAttribute('srcdoc', FRAME);
    document.body.append(iframe);
    await frame();
    // happy-dom has no Window.frameElement
    Object.defineProperty(iframe.contentWindow!, 'frameElement', { value: iframe });
    inspector.processPointer(iframe.contentDocument!.documentElement);
    key(iframe.contentDocument!.body, 'ArrowUp');
    expect(onHover).toHaveBeenLastCalledWith(iframe, iframe);
  });
});

describe('elementLabel', () => {
  it.each([
    ['<button id="buy" class="btn primary large">x</button>', 'button#buy.btn.primary'],
    ['<span>x</span>', 'span'],
    [`<div class="${'a'.repeat(30)}"></div>`, `div.${'a'.repeat(23)}…`],
  ])('%s → %s', (html, label) => {
    document.body.innerHTML = html;
    expect(elementLabel(document.body.firstElementChild!)).toBe(label);
  });
});
