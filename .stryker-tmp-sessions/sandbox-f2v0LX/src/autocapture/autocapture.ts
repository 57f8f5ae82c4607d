// @ts-nocheck
import { serializeElementsChain } from '../events/elements-chain';
import {
  AUTOCAPTURE_TAGS, ElementPrivacy, MAX_DEPTH, captureElements, classesOf, elementAndAncestors,
  shadowHostOf, tagOf,
} from './elements';
import { fitChain, TRUNCATED_PROPERTY } from './limits';
import { hasBlockingClass, shouldCaptureValue } from './privacy';

/**
 * `$autocapture` properties for DOM events, deciding which events count the way posthog-js
 * 1.449.2 does (`shouldCaptureDomEvent`, `Autocapture._captureEvent`) with its default config.
 *
 * posthog-js's order on a click: feed the rage-click detector with every click; when it fires
 * and rageclickAllowed(), record `$rageclick` (only if autocaptureProperties is non-null) before
 * the click's own `$autocapture`. A click landing on <html> / <body> is first offered to
 * createClickTargetRecovery().
 */

export type AutocaptureEventType = 'click' | 'change' | 'submit';

const IGNORE_SELECTOR = '.ph-no-autocapture, [data-ph-no-autocapture]';
const RAGE_IGNORE_SELECTOR = '.ph-no-rageclick, .ph-no-capture';
const LASSO_UI_ATTRIBUTE = 'data-lasso-ui';
/** Input types whose value is never a candidate for `$input_value`. */
const NO_VALUE_INPUT_TYPES = ['password', 'hidden', 'file', 'checkbox', 'button', 'submit', 'reset', 'image'];

const matches = (el: Element, selector: string): boolean => {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
};

/** Computed `cursor: pointer`; only asked when cheaper rules have not decided. */
function hasPointerCursor(el: Element): boolean {
  try {
    return getComputedStyle(el).getPropertyValue('cursor') === 'pointer';
  } catch {
    return false;
  }
}

/**
 * The element an event is about (posthog-js `getEventTarget`): inside an open shadow root when
 * the event was retargeted to its host; a text node's parent. Null when not an element.
 */
export function eventTarget(event: Event): Element | null {
  let node = event.target as Node | null;
  if (node && (node as Element).shadowRoot) node = (event.composedPath()[0] as Node | undefined) ?? null;
  if (node?.nodeType === 3) node = node.parentNode;
  return node?.nodeType === 1 ? (node as Element) : null;
}

/** True when `el` is part of Lasso's own UI (it, or an ancestor across shadow roots, is marked). */
export function isLassoUi(el: Element): boolean {
  for (let cur: Node | null = el; cur; cur = shadowHostOf(cur.parentNode) ?? cur.parentNode) {
    if (cur.nodeType === 1 && (cur as Element).hasAttribute(LASSO_UI_ATTRIBUTE)) return true;
  }
  return false;
}

/** posthog-js `shouldCaptureDomEvent` for `target` and its ancestor `list`. */
function countsAsInteraction(target: Element, list: Element[], type: AutocaptureEventType): boolean {
  const tag = tagOf(target);
  if (tag === 'html' || list.some((el) => matches(el, IGNORE_SELECTOR))) return false;
  if (tag === 'form') return type === 'submit' || (type === 'click' && hasPointerCursor(target));
  if (tag === 'input' || tag === 'select' || tag === 'textarea') return type !== 'submit';
  if (type !== 'click') return false;
  if (AUTOCAPTURE_TAGS.includes(tag) || target.getAttribute('contenteditable') === 'true') return true;
  // Shadow hosts are not judged themselves, only elements reached as a parent.
  const parents = list.filter((el, i) => i > 0 && list[i - 1].parentNode === el);
  return parents.some((el) => AUTOCAPTURE_TAGS.includes(tagOf(el))) ||
    hasPointerCursor(target) || parents.some(hasPointerCursor);
}

/**
 * posthog-js `$input_value`: the value of a changed field that the page opted in with
 * `data-ph-capture-value`, unless it or anything around it is sensitive. Lasso also drops values
 * that look like a card number or SSN.
 */
function inputValue(target: Element, privacy: ElementPrivacy): string | undefined {
  const tag = tagOf(target);
  const field = target as HTMLInputElement & HTMLSelectElement;
  const valueField = tag === 'input' ? !NO_VALUE_INPUT_TYPES.includes(field.type) : tag === 'textarea' || (tag === 'select' && !field.multiple);
  if (!valueField || !matches(target, '[data-ph-capture-value]') || !privacy.canCapture(target)) return undefined;
  if (target.querySelector('.ph-no-capture, .ph-sensitive')) return undefined;
  let node: Node | null = tag === 'select' ? field.options[field.selectedIndex] ?? target : target;
  for (let depth = 0; node; depth++) {
    const el = node as Element;
    if (depth >= MAX_DEPTH || hasBlockingClass(classesOf(el)) || matches(el, IGNORE_SELECTOR)) return undefined;
    const parent: Node | null = el.assignedSlot ?? el.parentNode;
    node = shadowHostOf(parent) ?? (parent?.nodeType === 1 ? parent : null);
  }
  return shouldCaptureValue(field.value) ? field.value : undefined;
}

/**
 * The `$autocapture` properties for a DOM `click`, `change` or `submit` event, or null when
 * posthog-js would not capture it (or it happened in Lasso's UI): `$event_type`, `$ce_version`,
 * `$elements_chain`, `$el_text`, `$external_click_url`, `$input_value` and the
 * `data-ph-capture-attribute-*` values. Standard properties are the caller's. Pass `target` to
 * attribute a click elsewhere (see createClickTargetRecovery). Never throws.
 */
export function autocaptureProperties(
  event: Event,
  eventType: AutocaptureEventType,
  target: Element | null = eventTarget(event),
): Record<string, unknown> | null {
  try {
    if (!target || isLassoUi(target)) return null;
    if (event.composedPath().some((n) => (n as Element).hasAttribute?.(LASSO_UI_ATTRIBUTE))) return null;
    if (!countsAsInteraction(target, elementAndAncestors(target, Infinity), eventType)) return null;
    const found = captureElements(target, eventType === 'click');
    if (found.noCapture) return null;
    const props: Record<string, unknown> = {
      $event_type: eventType,
      $ce_version: 1,
    };
    const chain = fitChain(found.elements);
    props.$elements_chain = serializeElementsChain(chain.elements);
    if (found.text) props.$el_text = found.text;
    if (found.href && eventType === 'click') {
      let host = '';
      try {
        host = new URL(found.href, target.ownerDocument.baseURI).host;
      } catch {
        // not a URL: never external
      }
      if (host && host !== location.host) props.$external_click_url = found.href;
    }
    // As in posthog-js, page-defined capture attributes are applied last.
    Object.assign(props, found.properties);
    // After the page's attributes, so a page cannot hide that its chain was cut.
    if (chain.cut) props[TRUNCATED_PROPERTY] = ['$elements_chain'];
    if (eventType === 'change') {
      const value = inputValue(target, new ElementPrivacy());
      if (value !== undefined) props.$input_value = value;
    }
    return props;
  } catch {
    return null;
  }
}

/** False when a rage click on this event's target is to be ignored (`.ph-no-rageclick` / `.ph-no-capture`). */
export function rageclickAllowed(event: Event): boolean {
  const target = eventTarget(event);
  return !!target && tagOf(target) !== 'html' && !elementAndAncestors(target, Infinity).some((el) => matches(el, RAGE_IGNORE_SELECTOR));
}

/**
 * posthog-js's rage-click rule: the third click in a row, each within 30 px (Manhattan distance,
 * strictly less) and 1000 ms (strictly less) of the previous one. Only that third click reports
 * true; a fourth continues the streak silently; a click too far or too late starts a new streak.
 * Feed it every click (posthog-js uses clientX / clientY and event.timeStamp).
 */
export function createRageclickDetector(): { isRageClick(x: number, y: number, timeMs: number): boolean } {
  let last: { x: number; y: number; t: number } | null = null;
  let count = 0;
  return {
    isRageClick(x, y, t) {
      const near = last && Math.abs(x - last.x) + Math.abs(y - last.y) < 30 && t - last.t < 1000;
      count = near ? count + 1 : 1;
      last = { x, y, t };
      return count === 3;
    },
  };
}

/** Remembers a press so a click that lands on <html> / <body> can be attributed to it. */
export interface ClickTargetRecovery {
  /** Feed every `pointerdown`, `pointermove`, `pointerup`, `pointercancel` (document, capture) and window `blur`. */
  track(event: Event): void;
  /**
   * For a click: the pressed element to attribute it to, null to drop the click (the press was
   * on something excluded), or undefined to use the click's own target.
   */
  recover(click: MouseEvent): Element | null | undefined;
}

/**
 * posthog-js's click-target recovery: when a press and release on one element (within 5 px,
 * primary button, no ctrl) produce a click on <html> / <body> (the DOM changed under the pointer
 * in between), the click is attributed to the pressed element, if it is still connected.
 */
export function createClickTargetRecovery(): ClickTargetRecovery {
  type Press = { target: Element; excluded: boolean; id: number; x: number; y: number; released: boolean };
  let press: Press | undefined;
  let expiry: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    press = undefined;
    clearTimeout(expiry);
  };
  const moved = (e: PointerEvent | MouseEvent, p: Press) => Math.abs(e.clientX - p.x) > 5 || Math.abs(e.clientY - p.y) > 5;
  // Pressed inside anything non-capturable, sensitive or ignored, up through shadow hosts.
  const excluded = (target: Element): boolean => {
    const privacy = new ElementPrivacy();
    if (!privacy.canCapture(target)) return true;
    for (let node: Node | null = target, depth = 0; node?.nodeType === 1; depth++) {
      const el = node as Element;
      if (depth >= MAX_DEPTH || hasBlockingClass(classesOf(el)) || privacy.isSensitive(el) || matches(el, IGNORE_SELECTOR)) return true;
      node = shadowHostOf(el.parentNode) ?? el.parentNode;
    }
    return false;
  };
  const excludedRoot = (el: Element | null, privacy: ElementPrivacy) =>
    !!el && (hasBlockingClass(classesOf(el)) || !privacy.canCapture(el) || privacy.isSensitive(el) || matches(el, IGNORE_SELECTOR));
  return {
    track(e) {
      if (e.type === 'blur' || e.type === 'pointercancel') return clear();
      const p = e as PointerEvent;
      if (e.type === 'pointerdown') {
        clear();
        const target = eventTarget(e);
        if (p.isPrimary && p.button === 0 && !p.ctrlKey && target) {
          press = { target, excluded: excluded(target), id: p.pointerId, x: p.clientX, y: p.clientY, released: false };
        }
      } else if (press && (p.pointerId !== press.id || moved(p, press))) clear();
      else if (press && e.type === 'pointerup') {
        press.released = true;
        expiry = setTimeout(clear, 0);
      }
    },
    recover(click) {
      const p = press;
      clear();
      const target = eventTarget(click);
      const c = click as PointerEvent;
      const tag = target && tagOf(target);
      if (!p?.released || !p.target.isConnected || c.pointerId !== p.id || click.button !== 0 || moved(click, p)) return undefined;
      if (!(click.detail > 0 || c.pointerType === 'touch' || c.pointerType === 'pen') || (tag !== 'html' && tag !== 'body')) return undefined;
      const doc = target!.ownerDocument;
      const privacy = new ElementPrivacy();
      if (p.excluded || [target, doc.documentElement, doc.body].some((el) => excludedRoot(el, privacy))) return null;
      return p.target;
    },
  };
}
