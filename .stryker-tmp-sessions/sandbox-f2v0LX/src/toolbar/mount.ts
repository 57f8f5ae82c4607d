// @ts-nocheck
import { startGuard, type Guard } from './guard';
import { shieldKeys } from './key-shield';

/** Attribute autocapture skips (src/autocapture/autocapture.ts isLassoUi); `ph-no-capture` makes a posthog-js on the page skip it too. */
export const UI_ATTRIBUTE = 'data-lasso-ui';
/**
 * The host's tag: `lasso-toolbar-` and a random suffix, so a page cannot define a custom element
 * of that name beforehand (its constructor would run on our host and could take its shadow root).
 * Find the host by `[data-lasso-ui]`.
 */
export const hostTag = (): string => `lasso-toolbar-${[...crypto.getRandomValues(new Uint8Array(4))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * Events the toolbar's own controls produce. They stop at the shadow root, so the page's bubbling
 * listeners (shortcuts, analytics, click-outside handlers) never see the toolbar being used.
 */
const CONTAINED = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'focusin', 'focusout', 'wheel',
] as const;

/** Events that change something in the toolbar: only the user's own (trusted) ones are let through. */
const UNTRUSTED_BLOCKED = ['click', 'dblclick', 'input', 'change', 'keydown', 'keyup', 'submit', 'pointerdown', 'pointerup', 'mousedown', 'mouseup'] as const;

/** Host styles set inline with !important: page rules cannot hide, move or restyle the host. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'], ['position', 'fixed'], ['top', '0'], ['left', '0'], ['width', '0'], ['height', '0'],
  ['overflow', 'visible'], ['display', 'block'], ['z-index', '2147483647'], ['visibility', 'visible'], ['opacity', '1'],
];

export interface Mounted {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the overlay draws highlight boxes and outlines (under the panel). */
  layer: HTMLElement;
  /** Where the Preact app renders. */
  app: HTMLElement;
  /** Is this node the toolbar (its host, or anything in its shadow tree)? */
  isOwnUi(node: EventTarget | null): boolean;
  /** Says whether a click may run a destructive control (the user's own, uncovered toolbar). */
  guard: Guard;
}

/** Styles that survive a strict page CSP: a constructed sheet is not inline markup. */
function applyStyles(shadow: ShadowRoot, css: string, doc: Document): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

/**
 * Closed in the build users install: the page cannot reach into the panel (`host.shadowRoot` is
 * null) to read what it shows (other sites' action names, what is typed) or to focus and call its
 * controls. Open in the e2e build (`wxt build --mode e2e`) and unit tests only, because Playwright
 * and puppeteer find elements only in open roots; test/e2e/toolbar-closed.spec.ts runs the
 * production build and checks the page sees nothing.
 */
const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'production' ? 'closed' : 'open';

/**
 * Create the toolbar's host on the page: a shadow root with its own styles (`:host { all:
 * initial }` inside keeps inherited page styles out), kept attached to <html> even when the page
 * replaces <body> or removes foreign nodes. Everything is removed when `signal` aborts.
 */
export function mountToolbar(doc: Document, css: string, signal: AbortSignal): Mounted {
  const win = doc.defaultView as Window;
  const host = doc.createElement(hostTag());
  host.setAttribute(UI_ATTRIBUTE, '');
  host.className = 'ph-no-capture';
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  const shadow = host.attachShadow({ mode: SHADOW_MODE });
  applyStyles(shadow, css, doc);
  const layer = doc.createElement('div');
  layer.className = 'lasso-layer';
  const app = doc.createElement('div');
  app.className = 'lasso-app';
  shadow.append(layer, app);
  for (const type of CONTAINED) shadow.addEventListener(type, (e) => e.stopPropagation(), { signal });
  // Registered before the key shield, which stops typed events at the window for everyone after it.
  const guard = startGuard(doc, host, shadow, signal);
  const isCopy = shieldKeys(win, host, shadow, signal, guard.handlingKey);
  // The page can reach into the (open) shadow root and dispatch events or call .click(): such
  // events are not the user's and never reach the toolbar's controls (Save, Delete, inputs …).
  // The key shield's copies of the user's typing are the exception.
  for (const type of UNTRUSTED_BLOCKED) {
    shadow.addEventListener(type, (e) => {
      if (e.isTrusted || isCopy(e)) return;
      e.stopImmediatePropagation();
      e.preventDefault();
    }, { capture: true, signal });
  }

  // Put the host back whenever the page removes it (body replaced, "foreign node" clean-ups). A
  // page that removes it on every mutation would make this a busy loop: at most one re-attach per
  // animation frame, the next one waits for the next frame — it never gives up.
  let lastFrame = -1;
  let frame = 0;
  let waiting = 0;
  const tick = () => {
    frame++;
    waiting = 0;
    attach();
  };
  let root: Element | null = doc.documentElement;
  const attach = () => {
    const html = doc.documentElement;
    if (!html || signal.aborted) return;
    // The page replaced <html>: watch the new one.
    if (html !== root) observer.observe((root = html), { childList: true });
    if (host.parentNode === html) return; // moved into a page element (a hidden one) counts as removed
    if (lastFrame === frame) {
      waiting ||= win.requestAnimationFrame(tick);
      return;
    }
    lastFrame = frame;
    html.append(host);
    waiting ||= win.requestAnimationFrame(tick);
  };
  doc.documentElement.append(host);
  const observer = new MutationObserver(attach);
  observer.observe(doc, { childList: true });
  observer.observe(doc.documentElement, { childList: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (waiting) win.cancelAnimationFrame(waiting);
    host.remove();
  }, { once: true });

  const isOwnUi = (node: EventTarget | null): boolean => {
    for (let cur = node as Node | null; cur; cur = cur.parentNode ?? (cur.nodeType === 11 ? (cur as ShadowRoot).host : null)) {
      if (cur === host) return true;
    }
    return false;
  };
  return { host, shadow, layer, app, isOwnUi, guard };
}
