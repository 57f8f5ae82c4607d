// @ts-nocheck
import { cssSelectorGenerator } from 'css-selector-generator';
import { classesOf } from '../autocapture/elements';
import type { Draft } from './css';
import { isGeneratedName } from './generated-names';

/**
 * The structural fallback: position-based selectors from css-selector-generator, anchored on the
 * nearest ancestor with a stable id. Only ids, tags and `:nth-of-type` are allowed, which keeps
 * the output inside the action grammar (its last-resort `:root > :nth-child…` chain is not, and
 * is dropped here; whatever else slips through is dropped when compileAction rejects it).
 */

/** Results looked at; the generator yields simplest first, so later ones only get longer. */
const MAX_RESULTS = 6;

/** `#id` forms (as the generator writes them) of generated ids on `el` and its ancestors. */
function generatedIdSelectors(el: Element): Set<string> {
  const banned = new Set<string>();
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const id = cur.getAttribute('id');
    if (id && isGeneratedName(id)) banned.add('#' + CSS.escape(id));
    for (const c of classesOf(cur)) if (isGeneratedName(c)) banned.add('.' + CSS.escape(c));
  }
  return banned;
}

/** True for a selector that says something about position or ancestry (not just `#id` / `tag`). */
export const isStructural = (selector: string): boolean => /:nth-|[\s>]/.test(selector.trim());

/** Up to `max` structural drafts for `el`, simplest first. */
export function structureDrafts(el: Element, root: ParentNode, max = 2): Draft[] {
  const banned = generatedIdSelectors(el);
  const out: Draft[] = [];
  try {
    const results = cssSelectorGenerator(el, {
      selectors: ['id', 'tag', 'nthoftype'],
      blacklist: [(selector: string) => banned.has(selector)],
      root,
      maxResults: MAX_RESULTS,
    });
    const id = el.getAttribute('id');
    const ownId = id && !isGeneratedName(id) ? '#' + CSS.escape(id) : null;
    const seen = new Set<string>();
    for (const selector of results) {
      if (/:root|:scope/.test(selector) || !isStructural(selector)) continue;
      // With the element's own stable id, the id candidate already says it better.
      if (ownId && selector.includes(ownId)) continue;
      // `a b` and `a > b` say the same about this element; keep the first (the looser one).
      const shape = selector.replace(/\s*>\s*/g, ' ');
      if (seen.has(shape)) continue;
      seen.add(shape);
      out.push({ kind: 'structure', selector });
      if (out.length >= max) break;
    }
  } catch {
    // The generator can throw on exotic roots; the chain below still stands.
  }
  if (!out.length) {
    const chain = positionChain(el);
    if (chain) out.push({ kind: 'structure', selector: chain });
  }
  return out;
}

/**
 * `body > div:nth-of-type(2) > span:nth-of-type(1)`: the last resort when the generator found
 * nothing in the grammar (its own last resort starts at `:root`, which actions do not support).
 * Null outside <body> (shadow roots, detached trees).
 */
export function positionChain(el: Element): string | null {
  const parts: string[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.tagName.toLowerCase() === 'body') return ['body', ...parts].join(' > ');
    let position = 1;
    for (let s = cur.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === cur.tagName) position++;
    parts.unshift(`${CSS.escape(cur.tagName.toLowerCase())}:nth-of-type(${position})`);
  }
  return null;
}
