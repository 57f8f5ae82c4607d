// @ts-nocheck
import { addEarlyListener, pathInside } from './key-gate';
/**
 * Why a destructive control (Delete, Import, Save over a saved action) did not run:
 * - `untrusted`: the activation was not the user's (scripted);
 * - `started-outside`: the pointer / key press that led to it did not start on that control;
 * - `focus-by-page`: activated by keyboard on a control that the page's script focused;
 * - `covered`: the page shows something over the toolbar where the user clicked.
 */
export type Refusal = 'untrusted' | 'started-outside' | 'focus-by-page' | 'covered';

/** What the toolbar tells the user when it refuses (nothing was changed). */
export const REFUSAL_TEXT: Record<Refusal, string> = {
  'untrusted': 'Ignored a click the page made: nothing was changed.',
  'started-outside': 'Ignored a click that did not start on this button: nothing was changed.',
  'focus-by-page': 'The page moved the focus to this button, so the key press was ignored: press Tab or click the button.',
  'covered': 'The page shows something over the toolbar here, so the click was ignored: nothing was changed.',
};

export interface Guard {
  /** Null when `event` (a click on a destructive control) may run it; otherwise why not. */
  check(event: Event): Refusal | null;
  /** Run the toolbar's own handlers of a user's key (focus they move is the user's). */
  handlingKey(run: () => void): void;
}

/** What the guard knows about one click on a destructive control. */
export interface ClickFacts {
  trusted: boolean;
  /** The last trusted pointerdown / keydown was inside the toolbar and on this control. */
  startedOnControl: boolean;
  /** Enter / Space on the focused control (`detail` 0), not a pointer click. */
  keyboard: boolean;
  /** The focus landed on this control during the user's own press in the toolbar (keyboard only). */
  focusedByUser: boolean;
  /** The toolbar is the topmost thing at the click point (keyboard: the control's centre). */
  uncovered: () => boolean;
}

/** Null when the click may run the control; otherwise the first reason it may not. */
export function refusalOf(f: ClickFacts): Refusal | null {
  if (!f.trusted) return 'untrusted';
  if (!f.startedOnControl) return 'started-outside';
  if (f.keyboard && !f.focusedByUser) return 'focus-by-page';
  return f.uncovered() ? null : 'covered';
}

/** The user's press inside the toolbar that is being handled (until its task ends). */
export interface Press {
  key: boolean;
  /** The press's composed path (the control it started on and its ancestors). */
  path: readonly EventTarget[];
}

/**
 * Did the user move the focus to `target`? Only during their own press in the toolbar: a key
 * (Tab, or the toolbar's arrow-key handling) may move it anywhere in the toolbar, a pointer press
 * only to what was pressed. Focus moved at any other time is a script's (the page's).
 */
export function focusIsUsers(press: Press | null, target: EventTarget): boolean {
  return press !== null && (press.key || press.path.includes(target));
}

/**
 * Page elements that can be painted over the toolbar's host: the top layer (popovers, modal
 * dialogs, fullscreen) is above any z-index.
 */
const TOP_LAYER = [':popover-open', ':modal', ':fullscreen'];

/**
 * Make every page element hit-testable for one query, so a cover with `pointer-events: none`
 * (which lets the click through to the toolbar while hiding it) is found by elementsFromPoint.
 * A constructed sheet works on strict-CSP pages.
 */
const HIT_ALL = '*, *::before, *::after { pointer-events: auto !important; }';

/** Is the toolbar's host the topmost thing painted at (x, y) of `doc`? */
export function uncoveredAt(doc: Document, host: Element, x: number, y: number): boolean {
  // A copy: adoptedStyleSheets is a live array in Chromium.
  const before = [...doc.adoptedStyleSheets];
  let added = false;
  let top: Element | undefined;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIT_ALL);
    doc.adoptedStyleSheets = [...before, sheet];
    added = true;
    top = doc.elementsFromPoint(x, y)[0];
  } catch {
    // No constructed sheets here: the top-layer check below still applies.
    top = doc.elementsFromPoint(x, y)[0];
  } finally {
    if (added) doc.adoptedStyleSheets = before;
  }
  if (top !== host) return false;
  // A page rule that still wins (inline !important, a layer): the top layer is checked by geometry.
  for (const selector of TOP_LAYER) {
    let open: NodeListOf<Element>;
    try {
      open = doc.querySelectorAll(selector);
    } catch {
      continue; // a browser without this pseudo-class has no such element either
    }
    for (const el of open) {
      if (el === host) continue;
      const r = el.getBoundingClientRect();
      if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) return false;
    }
  }
  return true;
}

/**
 * Watch the user's input so destructive controls run only from the user's own input that started
 * inside the toolbar: a trusted pointerdown / keydown inside the host just before the click, on
 * the clicked control, with the toolbar uncovered at the click point (a keyboard click: at the
 * control's centre). A keyboard click also needs the focus to have been moved there by the user,
 * not by a page script calling focus(): by a pointer press on it, by Tab (the browser's focus
 * move right after the key), or by the toolbar's own key handling (`handling`). Each press
 * accounts for one focus move at most, so a page timer started during the press cannot use it.
 * Listeners are owned by `signal`.
 */
export function startGuard(doc: Document, host: Element, shadow: ShadowRoot, signal: AbortSignal): Guard {
  const win = doc.defaultView as Window;
  // The last trusted press, used at most once: a page swallowing later presses cannot reuse it.
  let last: { inside: boolean; path: EventTarget[] } | null = null;
  // The user's press inside the toolbar whose focus move is still to come.
  let press: Press | null = null;
  // The toolbar's own key handlers are running (the key shield's copy of a user's key).
  let handlingKey = 0;
  let userFocus: EventTarget | null = null;
  let pressId = 0;

  const onPress = (e: Event) => {
    if (!e.isTrusted) return;
    const path = pathInside(e, host, shadow) ?? e.composedPath();
    const inside = path.includes(host);
    last = { inside, path };
    const key = e.type === 'keydown';
    // Of the keys only Tab moves the focus by itself; a page listener that ran first and cancelled it stopped that move.
    press = inside && !e.defaultPrevented && (!key || (e as KeyboardEvent).key === 'Tab') ? { key, path } : null;
    const id = ++pressId;
    win.setTimeout(() => {
      if (id === pressId) press = null;
    }, 0);
  };
  win.addEventListener('pointerdown', onPress, { capture: true, signal });
  // Ahead of the key shield's listener there (it stops the key for everyone after it).
  addEarlyListener(win, 'keydown', onPress, signal);

  // Focus that lands in the toolbar outside the user's press there (a page script) is not the user's.
  shadow.addEventListener('focusin', (e) => {
    const target = e.composedPath()[0];
    userFocus = focusIsUsers(handlingKey ? { key: true, path: [] } : press, target) ? target : null;
    press = null;
  }, { capture: true, signal });
  // Focus leaving the toolbar ends the press too (Tab out of it, a click elsewhere).
  shadow.addEventListener('focusout', (e) => {
    const to = (e as FocusEvent).relatedTarget;
    if (!to || !shadow.contains(to as Node)) press = null;
  }, { capture: true, signal });

  return {
    handlingKey(run) {
      handlingKey++;
      try {
        run();
      } finally {
        handlingKey--;
      }
    },
    check(event) {
      const start = last;
      last = null;
      const control = event.currentTarget ?? event.target;
      const click = event as MouseEvent;
      // A keyboard click (Enter / Space) has detail 0 and no pointer position: the control's centre.
      const keyboard = click.detail === 0;
      return refusalOf({
        trusted: event.isTrusted,
        startedOnControl: !!start?.inside && !!control && start.path.includes(control),
        keyboard,
        focusedByUser: userFocus === control && shadow.activeElement === control,
        uncovered: () => {
          if (!keyboard) return uncoveredAt(doc, host, click.clientX, click.clientY);
          const r = (control as Element).getBoundingClientRect();
          return uncoveredAt(doc, host, r.left + r.width / 2, r.top + r.height / 2);
        },
      });
    },
  };
}
