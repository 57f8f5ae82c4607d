// @ts-nocheck
import { classesOf, tagOf } from '../../autocapture/elements';
import { parseSelector } from '../../actions/selector/parse';
import type { AttrTest, Compound } from '../../actions/selector/ast';
import { UI_ATTRIBUTE } from '../mount';

/**
 * The live elements a page preview looks at (DOM), in one flat pre-order list with parent
 * links, and cheap prefilters that say which of them can possibly match a step.
 */

/** Elements in pre-order; `parent[i]` is the index of the element's chain parent, or -1. */
export interface PageElements {
  els: Element[];
  parent: Int32Array;
}

/** The toolbar's own host: never part of the page. */
/** Never clicked: not worth a matcher call. */
const SKIP = new Set(['head', 'script', 'style', 'template', 'noscript', 'meta', 'link', 'title']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

function frameBody(el: Element): HTMLElement | null {
  const tag = tagOf(el);
  if (tag !== 'iframe' && tag !== 'frame') return null;
  try {
    return (el as HTMLIFrameElement).contentDocument?.body ?? null; // null when cross-origin
  } catch {
    return null; // some browsers throw for cross-origin frames instead
  }
}

/**
 * Every element under the roots (a Document counts from its <body>, like the chain), descending
 * into open shadow roots (whose children have the host as chain parent, as autocapture walks)
 * and same-origin iframes (whose body starts a chain of its own: parent -1). The toolbar host
 * (`data-lasso-ui`) and never-clicked elements (script, style, …) are skipped with their subtrees.
 * An element reached twice (overlapping roots) is listed once.
 */
export function collectPageElements(roots: readonly ParentNode[]): PageElements {
  const els: Element[] = [];
  const parents: number[] = [];
  const seen = new Set<Element>();
  const stack: [Element, number][] = [];
  const pushChildren = (children: HTMLCollection | undefined, parent: number): void => {
    if (!children) return;
    for (let c = children.length - 1; c >= 0; c--) stack.push([children[c], parent]);
  };
  for (const r of roots) {
    const root = r as ParentNode & Node;
    if (root.nodeType === 9) {
      const body = (root as Document).body;
      if (body) stack.push([body, -1]);
    } else if (root.nodeType === 1) stack.push([root as Element, -1]);
    else pushChildren(root.children, -1);
    while (stack.length) {
      const [el, parent] = stack.pop() as [Element, number];
      if (seen.has(el) || el.hasAttribute(UI_ATTRIBUTE) || SKIP.has(tagOf(el))) continue;
      seen.add(el);
      const index = els.push(el) - 1;
      parents.push(parent);
      // Pushed in reverse of the order they are visited: light children, then shadow, then frame.
      const body = frameBody(el);
      if (body) stack.push([body, -1]);
      pushChildren(el.shadowRoot?.children, index);
      pushChildren(el.children, index);
    }
  }
  return { els, parent: Int32Array.from(parents) };
}

/** A cheap test an element must pass for the step's condition to hold on it or its descendants. */
export type Prefilter = (el: Element) => boolean;

function fitsSubject(c: Compound, el: Element): boolean {
  if (c.tag !== null && tagOf(el) !== c.tag) return false;
  for (const id of c.ids) if (el.getAttribute('id') !== id) return false;
  if (c.classes.length) {
    const own = classesOf(el);
    for (const cls of c.classes) if (!own.includes(cls)) return false;
  }
  // Attribute names are lower-cased in the AST, which only matches case-insensitively on HTML.
  if (el.namespaceURI === HTML_NS) for (const a of c.attrs) if (!attributeMayMatch(a, el)) return false;
  return true;
}

/** The chain keeps attribute values up to this length; longer ones are cut (and get '...'). */
const CHAIN_VALUE_LIMIT = 1024;

/**
 * Presence, and for a case-sensitive `[a="v"]` equality too: the chain records the same value
 * (shorter than the limit) except for `class`, whose whitespace it normalises. Other operators
 * and case folding are left to the matcher.
 */
function attributeMayMatch(a: AttrTest, el: Element): boolean {
  const value = el.getAttribute(a.name);
  if (value === null) return false;
  if (a.op !== '=' || a.ci || a.name === 'class' || a.value.length > CHAIN_VALUE_LIMIT) return true;
  return value === a.value;
}

const narrows = (c: Compound): boolean => c.tag !== null || c.ids.length > 0 || c.classes.length > 0 || c.attrs.length > 0;

/**
 * For a selector: elements its subject compounds (the rightmost of each listed selector) could
 * match, judged on tag, id, classes, attribute presence and `[a="v"]` values. The selector holds
 * for a click on an element exactly when it holds for that element or an ancestor (closest), so
 * candidates are the elements passing this and their descendants. Null when a subject has
 * nothing to narrow by (`*`, `:nth-child(2)`): every element is a candidate then. Throws on a
 * selector the grammar rejects (callers compile the step first).
 */
export function selectorPrefilter(selector: string): Prefilter | null {
  const subjects = parseSelector(selector).selectors.map((s) => s.compounds[0]);
  if (!subjects.every(narrows)) return null;
  return (el) => subjects.some((c) => fitsSubject(c, el));
}

/**
 * For `href`: chain elements carry the href of an element with an href attribute, and the first
 * one also that of the link around it, so the same closest rule applies to attribute presence.
 */
export function hrefPrefilter(): Prefilter {
  return (el) => el.hasAttribute('href');
}

/** For legacy `tag_name`: some element of the chain has that tag, so the same closest rule applies. */
export function tagPrefilter(tag: string): Prefilter {
  const wanted = tag.toLowerCase();
  return (el) => tagOf(el) === wanted;
}
