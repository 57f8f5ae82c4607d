// @ts-nocheck
import { resolveTarget } from '../../selectors/target';
import { watchFrames } from '../overlay/frames';
import { keyAction } from './keys';
import { neighbour, type Direction } from './navigate';
import { fromOwnUi, pointedElement } from './pointer';

/** How inspect mode talks to the toolbar. */
export interface InspectOptions {
  /** Top window of the page. */
  win: Window;
  /** Aborting ends inspect mode and removes every listener. */
  signal: AbortSignal;
  /** True for the toolbar host: events whose composed path contains it pass through untouched. */
  isOwnUi(node: EventTarget): boolean;
  /** `target` = the element a click would capture; `pointed` = the element under the pointer. null = nothing. */
  onHover(target: Element | null, pointed: Element | null): void;
  onPick(target: Element, pointed: Element): void;
  /** Esc pressed on the page. */
  onExit(): void;
  /** Whether an event comes from the user; defaults to `e.isTrusted` (tests inject their own). */
  isTrusted?(event: Event): boolean;
}

/** A running inspect mode. */
export interface Inspector {
  /** The element Enter would pick: the hovered target, or where arrow keys moved to. */
  current(): Element | null;
  /** Moves like the arrow keys, then calls onHover(el, el). */
  move(direction: Direction): void;
  /**
   * The per-frame hover work for pointer element `pointed`, run synchronously: resolveTarget and
   * onHover, skipped when `pointed` did not change. The rAF callback calls it; so does the bench.
   */
  processPointer(pointed: Element | null): void;
}

/** Events that would let the page react to a press or click: stopped in the window's capture phase. */
const BLOCKED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick', 'contextmenu', 'touchstart', 'touchend'];
/** Touch events are stopped but not cancelled: cancelling them would also cancel the click that picks. */
const NOT_CANCELLED = new Set(['touchstart', 'touchend']);

/**
 * Starts inspect mode on `win` and every same-origin iframe in it (added or reloaded later too):
 * hovering reports the element a click would capture, clicking picks it without the page
 * reacting, arrow keys walk the tree, Enter picks, Esc exits. Runs in a content script: only
 * built-in DOM reads, nothing the page defined, events the page fakes are ignored.
 */
export function startInspect(opts: InspectOptions): Inspector {
  const { win, signal, isOwnUi } = opts;
  const trusted = opts.isTrusted ?? ((e: Event) => e.isTrusted);
  let current: Element | null = null;
  let pointedNow: Element | null = null; // the raw element behind `current`
  let processed: Element | null = null; // last pointer element handled (keyboard moves keep it)
  let lastNode: EventTarget | undefined; // last composedPath()[0] seen, to skip repeats cheaply
  let queued: Element | null = null;
  let frame = 0;

  const resolve = (el: Element): Element => {
    try {
      return resolveTarget(el).target;
    } catch {
      return el;
    }
  };

  const processPointer = (pointed: Element | null) => {
    if (pointed === processed) return;
    processed = pointedNow = pointed;
    current = pointed ? resolve(pointed) : null;
    opts.onHover(current, pointed);
  };

  const queue = (el: Element | null) => {
    queued = el;
    if (!frame) {
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        processPointer(queued);
      });
    }
  };

  // Hover: only remembers the pointer element; the work happens once per animation frame.
  const onMove = (e: Event) => {
    if (!trusted(e)) return;
    const path = e.composedPath();
    if (path[0] === lastNode) return;
    lastNode = path[0];
    queue(fromOwnUi(path, isOwnUi) ? null : pointedElement(path));
  };

  // The pointer left the top window (relatedTarget null): nothing is hovered.
  const onOut = (e: Event) => {
    if (!trusted(e) || (e as MouseEvent).relatedTarget !== null || (e.target as Node | null)?.ownerDocument !== win.document) return;
    lastNode = undefined;
    queue(null);
  };

  const onPress = (e: Event) => {
    if (!trusted(e)) return; // the page's own synthetic events are its business
    const path = e.composedPath();
    if (fromOwnUi(path, isOwnUi)) return;
    if (!NOT_CANCELLED.has(e.type)) e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type !== 'click' || (e as MouseEvent).button !== 0) return;
    const pointed = pointedElement(path);
    if (!pointed) return;
    pointedNow = pointed;
    current = resolve(pointed);
    opts.onPick(current, pointed);
  };

  const move = (direction: Direction) => {
    const from = current ?? win.document.body;
    const next = from && neighbour(from, direction);
    if (!next) return;
    current = pointedNow = next;
    opts.onHover(next, next);
  };

  const onKey = (e: Event) => {
    const k = e as KeyboardEvent;
    if (!trusted(e) || fromOwnUi(e.composedPath(), isOwnUi)) return;
    const action = keyAction(k);
    if (!action) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type !== 'keydown') return; // keyup / keypress of a handled key: only kept from the page
    if (action === 'exit') opts.onExit();
    else if (action === 'pick') {
      if (current) opts.onPick(current, pointedNow ?? current);
    } else move(action);
  };

  const active = { capture: true, passive: false, signal };
  const passive = { capture: true, passive: true, signal };
  watchFrames(win, signal, (w) => {
    // Same function references each time: re-adding to a window already handled is a no-op.
    w.addEventListener('pointermove', onMove, passive);
    w.addEventListener('mouseover', onMove, passive);
    w.addEventListener('mouseout', onOut, passive);
    for (const type of BLOCKED) w.addEventListener(type, onPress, NOT_CANCELLED.has(type) ? passive : active);
    for (const type of ['keydown', 'keypress', 'keyup']) w.addEventListener(type, onKey, active);
  });
  signal.addEventListener('abort', () => {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  }, { once: true });

  return { current: () => current, move, processPointer };
}
