// @ts-nocheck
import { serializeElementsChain } from '../events/elements-chain';
import type { ChainElement } from '../events/types';
import {
  hasBlockingClass, isEditingHostValue, isSensitiveElement, keepAttribute, makeSafeText, shouldCaptureElement,
  shouldCaptureValue, splitClasses,
} from './privacy';

/**
 * The element part of an autocaptured event, built from the DOM exactly as posthog-js 1.449.2
 * builds it (`autocapturePropertiesForElement`, `getPropertiesFromElement`): the clicked element
 * and its ancestors up to <body>, walking out of shadow roots to their hosts.
 */

/** Tags posthog-js treats as interactive (and records text for, when they are ancestors). */
export const AUTOCAPTURE_TAGS = ['a', 'button', 'form', 'input', 'select', 'textarea', 'label'];
/** posthog-js stops walking ancestors (and nesting checks) after this many. */
export const MAX_DEPTH = 1000;
const SVG_NS = 'http://www.w3.org/2000/svg';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const FRAGMENT_NODE = 11;

/** Lower-case tag name. */
export const tagOf = (el: Element): string => el.tagName.toLowerCase();
/** An element's classes (from the attribute, which also covers SVG and clobbered forms). */
export const classesOf = (el: Element): string[] => splitClasses(el.getAttribute('class'));
const prop = (el: Node, name: string): unknown => (el as unknown as Record<string, unknown>)[name];

/** The host when `node` is a shadow root, else null. */
export function shadowHostOf(node: Node | null): Element | null {
  const host = node?.nodeType === FRAGMENT_NODE ? (node as ShadowRoot).host : null;
  return host?.nodeType === ELEMENT_NODE ? host : null;
}

/**
 * `target` and its ancestors up to and including <body>, at most `limit` of them; a shadow root
 * is left via its host. (posthog-js limits the chain, not the "is it interactive" walk.)
 */
export function elementAndAncestors(target: Element, limit = MAX_DEPTH): Element[] {
  const list = [target];
  for (let cur = target; cur.parentNode && tagOf(cur) !== 'body' && list.length < limit; ) {
    const parent = cur.parentNode;
    const next = shadowHostOf(parent) ?? (parent.nodeType === ELEMENT_NODE ? (parent as Element) : null);
    if (!next) break;
    list.push((cur = next));
  }
  return list;
}

/**
 * posthog-js `shouldCaptureElement` and `isSensitiveElement` over the DOM. posthog-js re-walks
 * the ancestors for every element it asks about; this caches the walk for one capture.
 */
export class ElementPrivacy {
  /** Nodes posthog-js's ancestor walk visits from each node, or Infinity when one is blocking. */
  private readonly walk = new Map<Node, number>();
  private readonly capturable = new Map<Element, boolean>();
  private readonly sensitive = new Map<Element, boolean>();

  private walkLength(node: Node): number {
    const path: Node[] = [];
    let base = 0;
    // The walk stops at <body> or at a node without a parent (a detached root); neither is
    // itself looked at. Stricter than posthog-js, it goes on from a shadow root to its host, so
    // `ph-sensitive` around a web component also covers what is inside it.
    for (let cur: Node | null = node; cur; cur = shadowHostOf(cur.parentNode) ?? cur.parentNode) {
      const known = this.walk.get(cur);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (!cur.parentNode || (cur.nodeType === ELEMENT_NODE && tagOf(cur as Element) === 'body')) break;
      path.push(cur);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const n = path[i];
      base = n.nodeType === ELEMENT_NODE && hasBlockingClass(classesOf(n as Element)) ? Infinity : base + 1;
      this.walk.set(n, base);
    }
    return base;
  }

  /** May this element's text, href and capture attributes be recorded? */
  canCapture(el: Element): boolean {
    let ok = this.capturable.get(el);
    if (ok === undefined) {
      ok = shouldCaptureElement({
        tag: tagOf(el), type: prop(el, 'type'), name: prop(el, 'name'), id: prop(el, 'id'),
        classes: classesOf(el), blocked: this.walkLength(el) > MAX_DEPTH,
      });
      this.capturable.set(el, ok);
    }
    return ok;
  }

  /**
   * Is this a value-bearing field (no text, only name / id / class / aria-label kept)? posthog-js's
   * rule, plus (stricter) anything in an editing host: a `contenteditable` element or a descendant
   * of one, or any element of a `designMode` document.
   */
  isSensitive(el: Element): boolean {
    let sensitive = this.sensitive.get(el);
    if (sensitive === undefined) {
      sensitive = isSensitiveElement({ tag: tagOf(el), type: prop(el, 'type'), contentEditable: el.getAttribute('contenteditable') }) ||
        el.ownerDocument.designMode === 'on';
      for (let c = el.closest('[contenteditable]'); c && !sensitive; c = c.parentElement?.closest('[contenteditable]') ?? null) {
        sensitive = isEditingHostValue(c.getAttribute('contenteditable'));
      }
      this.sensitive.set(el, sensitive);
    }
    return sensitive;
  }

  /** posthog-js `getSafeText`: the element's own text nodes, each made safe, concatenated. */
  safeText(el: Element): string {
    if (!this.canCapture(el) || this.isSensitive(el)) return '';
    let text = '';
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE && c.textContent) text += makeSafeText(c.textContent);
    }
    return text.trim();
  }

  /** Text of `span` children (and their `span` children), for links and buttons. */
  private nestedSpanText(el: Element): string {
    let text = '';
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (tagOf(c) !== 'span') continue;
      text = `${text} ${this.safeText(c)}`.trim();
      if (c.firstChild) text = `${text} ${this.nestedSpanText(c)}`.trim();
    }
    return text;
  }

  /** posthog-js element text: direct and nested-span text for `a` / `button`, else direct text. */
  elementText(el: Element): string {
    const tag = tagOf(el);
    if (tag !== 'a' && tag !== 'button') return this.safeText(el);
    const text = `${this.safeText(el)} ${this.nestedSpanText(el)}`.trim();
    return shouldCaptureValue(text) ? text : '';
  }
}

const limit = (s: string, max: number): string => (s.length > max ? s.slice(0, max) + '...' : s);

/** One element of the chain (posthog-js `getPropertiesFromElement` + `extractElements`). */
/**
 * What chains built in one batch share (see batchPositions): sibling positions per parent, one
 * privacy walk cache, and each ancestor's chain element. Null outside a batch.
 */
interface Batch {
  positions: WeakMap<Element, [number, number]>;
  privacy: ElementPrivacy;
  ancestors: WeakMap<Element, ChainElement>;
}
let batch: Batch | null = null;
let positions: Batch['positions'] | null = null;

/**
 * Run `fn` with the work chains of many elements share done once: sibling positions per parent
 * (one long list costs O(n), not O(n²)), privacy walks, and the chain element of each ancestor.
 * For page previews and heatmaps; only for synchronous work that does not change the DOM.
 */
export function batchPositions<T>(fn: () => T): T {
  if (batch) return fn();
  batch = { positions: new WeakMap(), privacy: new ElementPrivacy(), ancestors: new WeakMap() };
  positions = batch.positions;
  try {
    return fn();
  } finally {
    batch = null;
    positions = null;
  }
}

/** `[nth-child, nth-of-type]` of an element among its element siblings (1-based). */
function positionOf(el: Element): [number, number] {
  const known = positions?.get(el);
  if (known) return known;
  const parent = el.parentNode as ParentNode | null;
  if (positions && parent) {
    // One pass over the siblings fills every sibling's position.
    const ofType = new Map<string, number>();
    let child = 0;
    for (let s = parent.firstElementChild; s; s = s.nextElementSibling) {
      const type = (ofType.get(s.localName) ?? 0) + 1;
      ofType.set(s.localName, type);
      positions.set(s, [++child, type]);
    }
    const filled = positions.get(el);
    if (filled) return filled;
  }
  // localName, not tagName: the same test (no prefixes in HTML) without an upper-case string per sibling.
  let nthChild = 1;
  let nthOfType = 1;
  const name = el.localName;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
    nthChild++;
    if (s.localName === name) nthOfType++;
  }
  return [nthChild, nthOfType];
}

function describe(el: Element, text: string | undefined, privacy: ElementPrivacy): ChainElement {
  const attributes: Record<string, string> = {};
  const sensitive = privacy.isSensitive(el);
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const { name, value } = attrs[i];
    if (!keepAttribute(name, value, sensitive)) continue;
    attributes['attr__' + name] = limit(name === 'class' ? splitClasses(value).join(' ') : value, 1024);
  }
  const [nthChild, nthOfType] = positionOf(el);
  const out: ChainElement = {
    tag_name: tagOf(el), attr_class: splitClasses(attributes.attr__class).sort(), nth_child: nthChild, nth_of_type: nthOfType, attributes,
  };
  if (text) out.text = text.slice(0, 400);
  if (attributes.attr__href) out.href = attributes.attr__href.slice(0, 2048);
  if (attributes.attr__id) out.attr_id = attributes.attr__id;
  return out;
}

/** Everything a click / change / submit records about its element. */
export interface ElementsCapture {
  /** The chain, index 0 = the element the event is attributed to. */
  elements: ChainElement[];
  /** That element: the event target, or the button / link around a clicked SVG part. */
  target: Element;
  /** `$el_text`: the target's text ('' when none or masked). */
  text: string;
  /** The captured href of the outermost link in the chain, if any. */
  href: string | null;
  /** `data-ph-capture-attribute-<key>` values, nearest element first. */
  properties: Record<string, string>;
  /** Some element in the chain has class `ph-no-capture`: posthog-js drops the event. */
  noCapture: boolean;
}

/** `data-ph-capture-attribute-*` of one element into `into` (nearer elements already there win). */
function captureAttributes(el: Element, into: Record<string, string>): void {
  // Names first (plain strings): most elements have no such attribute, and Attr objects are costly.
  for (const name of el.getAttributeNames()) {
    if (!name.startsWith('data-ph-capture-attribute')) continue;
    const value = el.getAttribute(name);
    const key = name.replace('data-ph-capture-attribute-', '');
    if (key && key !== '__proto__' && value && shouldCaptureValue(value) && !Object.hasOwn(into, key)) into[key] = value;
  }
}

/**
 * Builds the chain for an event on `target`. For clicks on an SVG element, the chain starts at
 * the nearest enclosing <button> / <a>, and all text is dropped if any element from the SVG
 * part up to that control is non-capturable or sensitive.
 */
export function captureElements(target: Element, isClick = true): ElementsCapture {
  const privacy = batch?.privacy ?? new ElementPrivacy();
  const list = elementAndAncestors(target);
  const isControl = (el: Element) => tagOf(el) === 'button' || tagOf(el) === 'a';
  const start = isClick && target.namespaceURI === SVG_NS ? Math.max(0, list.findIndex(isControl)) : 0;
  const maskText = start > 0 && list.slice(0, start + 1).some((el) => !privacy.canCapture(el) || privacy.isSensitive(el));
  const elements: ChainElement[] = [];
  const properties: Record<string, string> = {};
  let href: string | null = null;
  let noCapture = false;
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    const tag = tagOf(el);
    const capturable = privacy.canCapture(el);
    if (tag === 'a') {
      const value = el.getAttribute('href');
      href = capturable && value && shouldCaptureValue(value) ? value : null;
    }
    if (classesOf(el).includes('ph-no-capture')) noCapture = true;
    if (capturable) captureAttributes(el, properties);
    if (i < start) continue; // the SVG part of a remapped click is not in the chain
    // An ancestor's chain element depends on the ancestor alone (its text unless masked), so a
    // batch builds it once for all its descendants. The first element is finished below: never shared.
    const shared = i > start && !maskText ? batch?.ancestors.get(el) : undefined;
    if (shared) {
      elements.push(shared);
      continue;
    }
    const text = i > start && !maskText && AUTOCAPTURE_TAGS.includes(tag) ? limit(privacy.elementText(el), 1024) : undefined;
    const described = describe(el, text, privacy);
    if (i > start && !maskText) batch?.ancestors.set(el, described);
    elements.push(described);
  }
  const first = elements[0];
  const text = maskText ? '' : privacy.elementText(list[start]);
  if (text) first.text = text.slice(0, 400);
  if (href) {
    // posthog-js puts the link's href on the first element, whichever element that is.
    first.attributes.attr__href = href;
    first.href = href.slice(0, 2048);
  }
  return { elements, target: list[start], text, href, properties, noCapture };
}

/** The chain elements a click on `target` records. */
export function chainElementsFor(target: Element): ChainElement[] {
  return captureElements(target, true).elements;
}

/** The `$elements_chain` a click on `target` records (same string as posthog-js). */
export function elementsChainFor(target: Element): string {
  return serializeElementsChain(chainElementsFor(target));
}
