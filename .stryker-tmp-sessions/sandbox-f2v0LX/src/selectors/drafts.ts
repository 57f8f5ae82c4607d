// @ts-nocheck
import { classesOf, tagOf } from '../autocapture/elements';
import { type Draft, attributeSelector, classSelector, idSelector, isQuotable, tagSelector } from './css';
import { isGeneratedName, isGeneratedValue } from './generated-names';

/**
 * Draft candidates read off one element, in preference order: configured data attributes, a
 * stable id, aria-label / name / role, stable classes. Counting, click checks and scoring happen
 * later (index.ts); classes are the exception, since choosing them needs counts.
 */

/** Default analytics / test attributes (settings `selectorAttributes` overrides them per user). */
export { DEFAULT_DATA_ATTRIBUTES } from '../settings/data-attributes';

/** At most this many stable classes are combined when looking for a unique class selector. */
const MAX_CLASSES = 3;
/** Only the first few stable classes are tried (utility-class soups have dozens). */
const CLASS_POOL = 6;
/** Each try is a querySelectorAll over the page; this bounds the cost on big pages. */
const MAX_CLASS_TRIES = 20;

/** Attribute names of `el` matching the configured patterns, in pattern order. */
export function matchingDataAttributes(el: Element, patterns: readonly string[]): string[] {
  const names = el.getAttributeNames();
  const out: string[] = [];
  for (const pattern of patterns) {
    const prefix = pattern.endsWith('*') ? pattern.slice(0, -1) : null;
    for (const name of names) {
      if ((prefix !== null ? name.startsWith(prefix) && name.length > prefix.length : name === pattern) && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** `[data-attr="add-to-cart"]` for every configured attribute the element has. */
export function dataAttributeDrafts(el: Element, patterns: readonly string[]): Draft[] {
  return matchingDataAttributes(el, patterns).flatMap((name): Draft[] => {
    const value = el.getAttribute(name) ?? '';
    if (!isQuotable(value)) return [];
    // The site chose these values, so they are used even when they look generated (but say so).
    const generatedTokens = value && isGeneratedValue(value) ? [value] : [];
    return [{ kind: 'data-attribute', selector: attributeSelector(name, value || undefined), via: name, generatedTokens }];
  });
}

/** `#id` when the id does not look generated. */
export function idDrafts(el: Element): Draft[] {
  const id = el.getAttribute('id');
  return id && !/\s/.test(id) && !isGeneratedName(id) ? [{ kind: 'id', selector: idSelector(id) }] : [];
}

/** Longer hrefs carry state (queries, tokens) more than identity. */
const MAX_HREF_LENGTH = 100;

/** `a[href="/pricing"]` for a link whose href reads as a place (not `#`, a script, or generated tokens). */
export function hrefDrafts(el: Element): Draft[] {
  const href = el.getAttribute('href');
  if (tagOf(el) !== 'a' || !href || href === '#' || /^\s*javascript:/i.test(href) || href.length > MAX_HREF_LENGTH || !isQuotable(href)) return [];
  if (href.split(/[/?#&=.:]+/).some((segment) => segment && isGeneratedValue(segment))) return [];
  return [{ kind: 'href', selector: tagSelector(el) + attributeSelector('href', href), via: 'href' }];
}

/** `button[aria-label="…"]`, `input[name="…"]`, `div[role="…"]`. */
export function ariaDrafts(el: Element): Draft[] {
  const tag = tagSelector(el);
  return ['aria-label', 'name', 'role'].flatMap((name): Draft[] => {
    const value = el.getAttribute(name);
    if (!value || !isQuotable(value)) return [];
    return [{ kind: 'aria', selector: tag + attributeSelector(name, value), via: name }];
  });
}

/** The element's classes split into usable and generated ones (`ph-*` control classes are neither). */
export function splitStableClasses(el: Element): { stable: string[]; generated: string[] } {
  const stable: string[] = [];
  const generated: string[] = [];
  for (const c of new Set(classesOf(el))) {
    if (c.startsWith('ph-')) continue;
    (isGeneratedName(c) ? generated : stable).push(c);
  }
  return { stable, generated };
}

/** Subsets of `items` of size 1..max, smallest first. */
function* subsets(items: readonly string[], max: number, from = 0, prefix: string[] = []): Generator<string[]> {
  for (let size = 1; size <= max; size++) yield* ofSize(items, size, from, prefix);
}

function* ofSize(items: readonly string[], size: number, from: number, prefix: string[]): Generator<string[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let i = from; i < items.length; i++) yield* ofSize(items, size, i + 1, [...prefix, items[i]]);
}

/**
 * `tag.class…` with the fewest stable classes that is unique under `root`; when none is, the
 * combination matching the fewest elements (a shared candidate, narrowed later).
 */
export function classDrafts(el: Element, root: ParentNode): Draft[] {
  const { stable } = splitStableClasses(el);
  if (!stable.length) return [];
  const tag = tagSelector(el);
  let best: { classes: string[]; count: number } | null = null;
  let tries = 0;
  for (const classes of subsets(stable.slice(0, CLASS_POOL), MAX_CLASSES)) {
    if (++tries > MAX_CLASS_TRIES) break;
    let count: number;
    try {
      count = root.querySelectorAll(tag + classSelector(classes)).length;
    } catch {
      continue;
    }
    if (!best || count < best.count) best = { classes, count };
    if (count === 1) break;
  }
  if (!best) return [];
  return [{ kind: 'class', selector: tag + classSelector(best.classes), classCount: best.classes.length }];
}
