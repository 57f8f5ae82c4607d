// @ts-nocheck
import type { ChainElement } from '../../events/types';
import type { AttrTest, ComplexSelector, Compound, SelectorAst } from './ast';
import { asciiLower } from './lexer';
import { matchChainFor, MIXED_CASE_KEYS, SLOTS, UNINTERNED_CLASS, type MatchChain } from './match-chain';

/**
 * Evaluates a parsed selector against a parsed `$elements_chain` (index 0 = clicked element,
 * then its ancestors up to <body>) the way `clickedElement.closest(selector)` would.
 */

const MATCH = 0;
const FAILS_LOCALLY = 1;
/** No ancestor further up can help either (WebKit's "fails completely"): stops the backtracking. */
const FAILS_COMPLETELY = 2;

const HREF_LIMIT = 1024;

/**
 * True when chain[0]'s href was copied onto it from an enclosing link, as posthog-js does for
 * every click inside a link; the clicked element itself then has no such attribute on the page.
 */
function hrefCopiedFromLink(chain: readonly ChainElement[]): boolean {
  const first = chain[0];
  const copied = first.attributes.attr__href;
  if (first.tag_name === 'a' || copied === undefined) return false;
  const cut = copied.length > HREF_LIMIT ? copied.slice(0, HREF_LIMIT) + '...' : copied;
  for (let i = 1; i < chain.length; i++) {
    const el = chain[i];
    if (el.tag_name === 'a' && (el.attributes.attr__href === copied || el.attributes.attr__href === cut)) return true;
  }
  return false;
}

/**
 * An attribute's value as the page had it, per the spec's lookup rules; undefined when absent.
 * Names compare case-insensitively, as Chromium does in HTML documents, SVG's `viewBox` included.
 */
function attributeOf(mc: MatchChain, index: number, name: string, key: string): string | undefined {
  const el = mc.els[index];
  switch (name) {
    case 'id':
      return el.attr_id || el.attributes.attr__id;
    case 'class':
      return el.attributes.attr__class ?? (el.attr_class.length ? el.attr_class.join(' ') : undefined);
    case 'href':
      if (index === 0 && hrefCopiedFromLink(mc.els)) return undefined;
      return el.href || el.attributes.attr__href;
  }
  const v = el.attributes[key];
  if (v !== undefined || !(mc.packed[SLOTS * index + 2] & MIXED_CASE_KEYS)) return v;
  for (const k in el.attributes) if (k.toLowerCase() === key) return el.attributes[k];
  return undefined;
}

const WHITESPACE = /[ \t\n\r\f]/;

function attributeHolds(t: AttrTest, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  if (t.op === '') return true;
  const v = t.ci ? asciiLower(raw) : raw;
  const want = t.folded;
  switch (t.op) {
    case '=':
      return v === want;
    case '~=':
      if (want === '' || WHITESPACE.test(want)) return false;
      return v.split(/[ \t\n\r\f]+/).includes(want);
    case '|=':
      return v === want || v.startsWith(want + '-');
    case '^=':
      return want !== '' && v.startsWith(want);
    case '$=':
      return want !== '' && v.endsWith(want);
    default:
      return want !== '' && v.includes(want);
  }
}

/**
 * The typed-array checks alone: true when the element's tag or classes rule it out. Most
 * elements of most chains stop here, without their objects being read.
 */
function quickReject(c: Compound, mc: MatchChain, index: number): boolean {
  const p = mc.packed;
  const t = p[SLOTS * index];
  return (c.tagId >= 0 && t !== c.tagId && t !== -1) || (p[SLOTS * index + 1] & c.classBits) !== c.classBits;
}

/** Has the element every class of the compound? By interned id when possible (no string reads). */
function hasClasses(c: Compound, mc: MatchChain, index: number): boolean {
  const p = mc.packed;
  const at = SLOTS * index;
  if (c.classIds === null || p[at + 2] & UNINTERNED_CLASS) {
    const own = mc.els[index].attr_class;
    for (let i = 0; i < c.classes.length; i++) if (!own.includes(c.classes[i])) return false;
    return true;
  }
  const start = p[at + 3];
  const end = p[at + 4];
  outer: for (let i = 0; i < c.classIds.length; i++) {
    const want = c.classIds[i];
    for (let k = start; k < end; k++) if (p[k] === want) continue outer;
    return false;
  }
  return true;
}

/** Does element `index` of the chain match one compound selector? */
function matchesCompound(c: Compound, mc: MatchChain, index: number): boolean {
  if (quickReject(c, mc, index)) return false;
  // An uninterned tag (intern table full) on either side: compare the strings.
  if (c.tag !== null && (c.tagId < 0 || mc.packed[SLOTS * index] < 0) && mc.els[index].tag_name.toLowerCase() !== c.tag) return false;
  if (c.classes.length && !hasClasses(c, mc, index)) return false;
  const chain = mc.els;
  const el = chain[index];
  for (let i = 0; i < c.ids.length; i++) if (attributeOf(mc, index, 'id', '') !== c.ids[i]) return false;
  for (let i = 0; i < c.nth.length; i++) {
    const n = c.nth[i];
    const pos = n.ofType ? el.nth_of_type : el.nth_child;
    if (pos === undefined) return false;
    const d = pos - n.b;
    if (n.a === 0 ? d !== 0 : d % n.a !== 0 || d / n.a < 0) return false;
  }
  for (let i = 0; i < c.attrs.length; i++) {
    const t = c.attrs[i];
    if (!attributeHolds(t, attributeOf(mc, index, t.name, t.key))) return false;
  }
  return true;
}

function matchFrom(sel: ComplexSelector, part: number, mc: MatchChain, index: number): number {
  if (!matchesCompound(sel.compounds[part], mc, index)) return FAILS_LOCALLY;
  if (part + 1 === sel.compounds.length) return MATCH;
  const n = mc.n;
  if (sel.combinators[part] === '>') {
    if (index + 1 >= n) return FAILS_COMPLETELY;
    return matchFrom(sel, part + 1, mc, index + 1);
  }
  const next = sel.compounds[part + 1];
  for (let j = index + 1; j < n; j++) {
    if (quickReject(next, mc, j)) continue;
    const r = matchFrom(sel, part + 1, mc, j);
    if (r !== FAILS_LOCALLY) return r;
  }
  return FAILS_COMPLETELY;
}

function matchesAtFast(ast: SelectorAst, mc: MatchChain, index: number): boolean {
  for (let s = 0; s < ast.selectors.length; s++) if (matchFrom(ast.selectors[s], 0, mc, index) === MATCH) return true;
  return false;
}

/** Nearest matching index in the fast layout, or -1 (the engine behind the exports below). */
export function closestIndexFast(ast: SelectorAst, mc: MatchChain): number {
  const list = ast.selectors;
  for (let i = 0; i < mc.n; i++) {
    for (let s = 0; s < list.length; s++) {
      if (!quickReject(list[s].compounds[0], mc, i) && matchFrom(list[s], 0, mc, i) === MATCH) return i;
    }
  }
  return -1;
}

/** Does chain[index] itself match the selector (like `element.matches`)? */
export function matchesAt(ast: SelectorAst, chain: readonly ChainElement[], index: number): boolean {
  return matchesAtFast(ast, matchChainFor(chain), index);
}

/**
 * Does some element of the chain (the clicked element or an ancestor) match — the stored-event
 * equivalent of `clicked.closest(selector) !== null`. An empty chain never matches.
 */
export function matchesChain(ast: SelectorAst, chain: readonly ChainElement[]): boolean {
  return closestIndexFast(ast, matchChainFor(chain)) >= 0;
}

/** Index of the nearest element of the chain that matches, or -1 (for explanations). */
export function closestIndex(ast: SelectorAst, chain: readonly ChainElement[]): number {
  return closestIndexFast(ast, matchChainFor(chain));
}
