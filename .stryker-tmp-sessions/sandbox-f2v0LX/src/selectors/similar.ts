// @ts-nocheck
import { classesOf, shadowHostOf, tagOf } from '../autocapture/elements';
import { isGeneratedName } from './generated-names';

/**
 * "One of 12 similar": the rows of a list, cards of a grid, rows of a table, items of a menu.
 * An element is one of several similar elements when an ancestor of it (the item: a row, a card)
 * has siblings of the same kind, and each of them holds an element of the same kind at the same
 * place. Users who pick the delete button of the 2nd row almost always mean "any row", so the
 * similar elements, not the one picked, are what a new action is for — unless something tells the
 * element apart from the others (a link's href, a menu item's label): then that identifies it.
 */

/** How many levels above the element the item (row, card) may be. */
const MAX_LEVELS = 7;
/** Siblings looked at per level (bounds the work on very long lists). */
const MAX_SIBLINGS = 2000;
/** Roles whose elements are controls: a label that differs tells them apart. */
const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'option', 'treeitem', 'switch']);
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset']);

/** What tells an element apart from the elements similar to it. */
export interface SimilarIdentity {
  /** `href` of a link, `label` (aria-label or text) of a control, `name` of a form field. */
  kind: 'href' | 'label' | 'name';
  value: string;
}

/** The elements similar to a picked one (see the module comment). */
export interface SimilarGroup {
  /** The similar elements, the picked one included, in document order (at least 2). */
  elements: Element[];
  /** The repeated ancestors (rows, cards) holding them, in the same order; equal to `elements` when the element repeats itself. */
  items: Element[];
  /** What tells the picked element apart from the others, or null when nothing does. */
  identity: SimilarIdentity | null;
}

/** One step down from an item to the element: the child with this tag at this position among same-tag children, inside the shadow root first when `shadow`. */
interface PathStep {
  tag: string;
  index: number;
  shadow: boolean;
}

function parentOf(el: Element): { parent: Element; shadow: boolean } | null {
  if (el.parentElement) return { parent: el.parentElement, shadow: false };
  const host = shadowHostOf(el.parentNode);
  return host ? { parent: host, shadow: true } : null;
}

function childrenOf(el: Element, shadow: boolean): HTMLCollection | null {
  if (!shadow) return el.children;
  return el.shadowRoot?.children ?? null; // closed roots cannot be entered
}

const stableClasses = (el: Element): string[] => classesOf(el).filter((c) => !c.startsWith('ph-') && !isGeneratedName(c));

/** What two elements must share to be alike: tag, role, input type, and a stable class when either has one. */
interface Signature {
  tagName: string;
  role: string;
  type: string;
  classes: string[];
}

function signatureOf(el: Element): Signature {
  return { tagName: el.tagName, role: el.getAttribute('role') ?? '', type: (el.getAttribute('type') ?? '').toLowerCase(), classes: stableClasses(el) };
}

/** `el` is alike the element `ref` describes (state classes like `done` may differ; one shared stable class is enough). */
function alike(el: Element, ref: Signature): boolean {
  if (el.tagName !== ref.tagName) return false;
  if ((el.getAttribute('role') ?? '') !== ref.role) return false;
  if ((el.getAttribute('type') ?? '').toLowerCase() !== ref.type) return false;
  const classes = stableClasses(el);
  if (!classes.length && !ref.classes.length) return true;
  return classes.some((c) => ref.classes.includes(c));
}

function indexAmongTag(el: Element, siblings: HTMLCollection): number {
  let index = 0;
  for (const s of siblings) {
    if (s === el) return index;
    if (s.tagName === el.tagName) index++;
  }
  return -1;
}

function follow(from: Element, path: readonly PathStep[]): Element | null {
  let cur = from;
  for (const step of path) {
    const children = childrenOf(cur, step.shadow);
    if (!children) return null;
    let seen = 0;
    let next: Element | null = null;
    for (const c of children) {
      if (tagOf(c) !== step.tag) continue;
      if (seen++ === step.index) {
        next = c;
        break;
      }
    }
    if (!next) return null;
    cur = next;
  }
  return cur;
}

/** Digits vary per row (`/todo/3`, `Item 12`); text without them says what kind of thing it is. */
const shape = (value: string): string => value.trim().replace(/\s+/g, ' ').replace(/\d+/g, '0').toLowerCase();

function labelOf(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 200);
}

function isControl(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'a' || tag === 'button') return true;
  if (tag === 'input' && BUTTON_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) return true;
  return CONTROL_ROLES.has(el.getAttribute('role') ?? '');
}

/** The first trait whose shape differs from every other similar element's: href (links), label (controls), name (fields). */
export function identityAmong(el: Element, elements: readonly Element[]): SimilarIdentity | null {
  const others = elements.filter((e) => e !== el);
  const distinct = (read: (e: Element) => string | null): string | null => {
    const own = read(el);
    if (!own) return null;
    const mine = shape(own);
    return others.every((o) => shape(read(o) ?? '') !== mine) ? own : null;
  };
  const tag = tagOf(el);
  if (tag === 'a') {
    const href = distinct((e) => e.getAttribute('href'));
    if (href) return { kind: 'href', value: href };
  }
  if (isControl(el)) {
    const label = distinct(labelOf);
    if (label) return { kind: 'label', value: label };
  }
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    const name = distinct((e) => e.getAttribute('name'));
    if (name) return { kind: 'name', value: name };
  }
  return null;
}

/**
 * The elements similar to `target` (see the module comment), or null when it is not one of
 * several. Of every level up to MAX_LEVELS where the ancestor has alike siblings holding an alike
 * element at the same place, the level with the most similar elements wins (a card's two icon
 * buttons are alike, but the "add to cart" buttons of all cards are what the card grid repeats);
 * on a tie, the nearest level. Open shadow roots are entered and left via their hosts.
 */
export function findSimilar(target: Element): SimilarGroup | null {
  let best: { elements: Element[]; items: Element[] } | null = null;
  const path: PathStep[] = [];
  const targetSignature = signatureOf(target);
  let node = target;
  for (let level = 0; level < MAX_LEVELS; level++) {
    const up = parentOf(node);
    if (!up || tagOf(up.parent) === 'html') break;
    const siblings = childrenOf(up.parent, up.shadow);
    if (!siblings) break;
    const elements: Element[] = [];
    const items: Element[] = [];
    const nodeSignature = node === target ? targetSignature : signatureOf(node);
    let looked = 0;
    for (const sibling of siblings) {
      if (sibling === node) {
        elements.push(target);
        items.push(node);
        continue;
      }
      if (sibling.tagName !== node.tagName || ++looked > MAX_SIBLINGS || !alike(sibling, nodeSignature)) continue;
      const counterpart = follow(sibling, path);
      if (counterpart && alike(counterpart, targetSignature)) {
        elements.push(counterpart);
        items.push(sibling);
      }
    }
    if (elements.length >= 2 && (!best || elements.length > best.elements.length)) best = { elements, items };
    if (tagOf(up.parent) === 'body') break;
    path.unshift({ tag: tagOf(node), index: indexAmongTag(node, siblings), shadow: up.shadow });
    node = up.parent;
  }
  return best && { ...best, identity: identityAmong(target, best.elements) };
}
