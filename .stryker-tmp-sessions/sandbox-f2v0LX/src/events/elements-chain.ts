// @ts-nocheck
import type { ChainElement } from './types';

/**
 * PostHog's `$elements_chain` string format:
 *
 *   element (";" element)*     element := tag ("." class)* ":" (key '="' value '"')*
 *
 * The serializer writes exactly what posthog-js 1.449.2 writes, with one fix: posthog-js escapes
 * `"` as `\"` but leaves backslashes alone, so a value containing `\"` or ending in `\` cannot be
 * read back. Lasso additionally writes a backslash as `\\` when it comes right before `"`, `\` or
 * the end of the value; every other backslash is written as-is, like posthog-js. The parser reads
 * `\"` as `"` and `\\` as `\` and keeps any other backslash, so it reads posthog-js chains too.
 */

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const SEMICOLON = 59; // ;
const COLON = 58; // :
const EQUALS = 61; // =

/** Keys the parser turns into ChainElement fields rather than `attributes`. */
const NAMED_KEYS = ['text', 'href', 'attr_id', 'nth-child', 'nth-of-type'];

function escapeValue(value: string): string {
  if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) return value;
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== QUOTE && c !== BACKSLASH) continue;
    const next = value.charCodeAt(i + 1);
    // A backslash is doubled only where the parser would otherwise misread it.
    const doubled = c === BACKSLASH && (next === QUOTE || next === BACKSLASH || i + 1 === value.length);
    if (c === BACKSLASH && !doubled) continue;
    out += value.slice(from, i) + (c === QUOTE ? '\\"' : '\\\\');
    from = i + 1;
  }
  return out + value.slice(from);
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function serializeElement(el: ChainElement): string {
  let out = el.tag_name || '';
  // posthog-js sorts the class names first and removes `"` afterwards.
  const classes = el.attr_class ?? [];
  const sorted = classes.length > 1 ? [...classes].sort() : classes;
  for (const name of sorted) out += '.' + (name.indexOf('"') < 0 ? name : name.replace(/"/g, ''));
  out += ':';
  const attributes = el.attributes ?? {};
  const keys = Object.keys(attributes);
  if (keys.every((key) => key.startsWith('attr__'))) {
    // Always so for DOM elements. Code-unit order: attr__* < attr_id < href < nth-* < text.
    keys.sort(byCodeUnit);
    for (const key of keys) out += escapeValue(key) + '="' + escapeValue(String(attributes[key])) + '"';
    if (el.attr_id) out += 'attr_id="' + escapeValue(el.attr_id) + '"';
    if (el.href) out += 'href="' + escapeValue(el.href) + '"';
    out += 'nth-child="' + (el.nth_child ?? 0) + '"nth-of-type="' + (el.nth_of_type ?? 0) + '"';
    if (el.text) out += 'text="' + escapeValue(el.text) + '"';
    return out;
  }
  // An object, as in posthog-js, so a same-named entry in `attributes` replaces a field.
  const pairs: Record<string, string> = Object.create(null);
  if (el.text) pairs.text = el.text;
  pairs['nth-child'] = String(el.nth_child ?? 0);
  pairs['nth-of-type'] = String(el.nth_of_type ?? 0);
  if (el.href) pairs.href = el.href;
  if (el.attr_id) pairs.attr_id = el.attr_id;
  for (const key of keys) pairs[key] = String(attributes[key]);
  // Plain code-unit order (posthog-js 1.449 uses `<`, not localeCompare).
  for (const key of Object.keys(pairs).sort(byCodeUnit)) out += escapeValue(key) + '="' + escapeValue(pairs[key]) + '"';
  return out;
}

/**
 * Writes elements (index 0 = the clicked element, then its ancestors) as an `$elements_chain`.
 * Classes are sorted and stripped of `"`; attributes are sorted; `text`, `href` and `attr_id`
 * are written only when non-empty. Values are not truncated here.
 */
export function serializeElementsChain(elements: readonly ChainElement[]): string {
  let out = '';
  for (let i = 0; i < elements.length; i++) out += (i ? ';' : '') + serializeElement(elements[i]);
  return out;
}

/** Reads `\"` as `"` and `\\` as `\`; keeps other backslashes. */
function unescape(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== BACKSLASH) continue;
    const next = s.charCodeAt(i + 1);
    if (next !== QUOTE && next !== BACKSLASH) continue;
    out += s.slice(from, i);
    from = ++i; // keep the escaped character, drop the backslash
  }
  return out + s.slice(from);
}

function isKnownKey(key: string): boolean {
  return key.startsWith('attr__') || NAMED_KEYS.includes(key);
}

/**
 * Where "tag.classes" ends and the first key starts in `head` (`tag.classes:firstKey`). Class
 * names (Tailwind `md:flex`) and keys (Alpine `x-on:click`) may contain ':', so prefer a colon
 * followed by a key Lasso writes, then PostHog's own rule (`[a-zA-Z0-9_-]*`), then the last one.
 */
function splitColon(head: string): number {
  const firstColon = head.indexOf(':');
  if (firstColon < 0 || head.indexOf(':', firstColon + 1) < 0) return firstColon;
  let known = -1;
  let posthogRule = -1;
  let last = -1;
  for (let p = head.indexOf(':'); p >= 0; p = head.indexOf(':', p + 1)) {
    const key = head.slice(p + 1);
    if (isKnownKey(key)) {
      if (key.indexOf(':') < 0) return p;
      if (known < 0) known = p;
    } else if (posthogRule < 0 && /^[a-zA-Z0-9_-]*$/.test(key)) posthogRule = p;
    last = p;
  }
  return known >= 0 ? known : posthogRule >= 0 ? posthogRule : last;
}

/** Only canonical integers become nth fields, so that anything else round-trips as written. */
const CANONICAL_INT = /^(?:0|[1-9][0-9]{0,14})$/;

function setKey(el: ChainElement, key: string, value: string): void {
  if (key === 'nth-child' && CANONICAL_INT.test(value)) el.nth_child = +value;
  else if (key === 'nth-of-type' && CANONICAL_INT.test(value)) el.nth_of_type = +value;
  else if (value && (key === 'text' || key === 'href' || key === 'attr_id')) el[key] = value;
  // Anything else, including odd named values, stays an attribute so that it round-trips.
  else if (key !== '__proto__') el.attributes[key] = value;
  else Object.defineProperty(el.attributes, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The original class names from `attr__class`, when they agree with the chain's tag part. Only
 * worth it when a name contains `.`, `"` or `;`; otherwise the tag part says the same.
 */
function classesFromAttribute(dotted: string, attrClass: string | undefined): string[] | null {
  if (!attrClass || !/[.";]/.test(attrClass)) return null;
  const originals = attrClass.trim().split(/\s+/).sort();
  return originals.map((c) => c.replace(/"/g, '')).join('.') === dotted ? originals : null;
}

/**
 * Index, from `i`, of the `"` opening the first value (the first `="`; an escaped quote in a key
 * has no `=` before it), or of the ';' ending an element without attributes, or the end.
 */
function headEnd(chain: string, i: number, semicolonEnds: boolean): number {
  for (const n = chain.length; i < n; i++) {
    const c = chain.charCodeAt(i);
    if (c === QUOTE ? chain.charCodeAt(i - 1) === EQUALS : c === SEMICOLON && semicolonEnds) return i;
  }
  return i;
}

// Results of parseAt besides the element (module scratch: no allocation per element).
let parsedEnd = 0;
let parsedTrusted = true;

/**
 * Parses the element whose head ends at `stop` (see headEnd). Sets parsedEnd, and parsedTrusted
 * to false when a ';' in its head can only be a class name or key containing ';' and nothing
 * confirms it.
 */
function parseAt(chain: string, start: number, stop: number): ChainElement {
  const n = chain.length;
  let i = stop;
  const hasAttributes = i < n && chain.charCodeAt(i) === QUOTE;
  // Without attributes the head is the whole element (a trailing ':' is dropped).
  let head = chain.slice(start, hasAttributes ? i - 1 : i);
  let key = '';
  if (hasAttributes) {
    const colon = splitColon(head);
    key = colon >= 0 ? head.slice(colon + 1) : '';
    head = colon >= 0 ? head.slice(0, colon) : head;
  } else if (head.charCodeAt(head.length - 1) === COLON) head = head.slice(0, -1);
  const dot = head.indexOf('.');
  const el: ChainElement = { tag_name: dot < 0 ? head : head.slice(0, dot), attr_class: [], attributes: {} };
  parsedTrusted = el.tag_name.indexOf(';') < 0 && (key.indexOf(';') < 0 || isKnownKey(key));
  let keyEscaped = key.indexOf('\\') >= 0;
  while (hasAttributes && i < n) {
    // i is at the opening quote of a value; `\` + any character is kept together.
    let j = i + 1;
    let escaped = false;
    for (; j < n; j++) {
      const c = chain.charCodeAt(j);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        j++;
      }
    }
    const raw = chain.slice(i + 1, j > n ? n : j);
    setKey(el, keyEscaped ? unescape(key) : key, escaped ? unescape(raw) : raw);
    i = j + 1;
    if (i >= n || chain.charCodeAt(i) === SEMICOLON) break;
    // The next key runs to the next `="`.
    let k = i;
    keyEscaped = false;
    for (; k < n; k++) {
      const c = chain.charCodeAt(k);
      if (c === QUOTE && chain.charCodeAt(k - 1) === EQUALS) break;
      if (c === BACKSLASH) keyEscaped = true;
    }
    if (k >= n) {
      // Malformed tail: skip to the next element.
      const semi = chain.indexOf(';', i);
      i = semi < 0 ? n : semi;
      break;
    }
    key = chain.slice(i, k - 1);
    i = k;
  }
  const dotted = dot < 0 ? '' : head.slice(dot + 1);
  const originals = classesFromAttribute(dotted, el.attributes.attr__class);
  if (originals) el.attr_class = originals;
  else if (dotted) {
    el.attr_class = dotted.split('.').filter(Boolean);
    if (dotted.indexOf(';') >= 0) parsedTrusted = false;
  }
  parsedEnd = i;
  return el;
}

/** Parses one element starting at `start` into `out`; returns the index just after it. */
function parseElement(chain: string, start: number, out: ChainElement[]): number {
  const stop = headEnd(chain, start, true);
  if (chain.charCodeAt(stop) === SEMICOLON) {
    // Either an element without attributes, or a class name / key containing ';'.
    const further = headEnd(chain, start, false);
    if (further < chain.length) {
      const attempt = parseAt(chain, start, further);
      if (parsedTrusted) {
        out.push(attempt);
        return parsedEnd;
      }
    }
  }
  out.push(parseAt(chain, start, stop));
  return parsedEnd;
}

/**
 * Parses an `$elements_chain` (from Lasso or PostHog) into elements, index 0 first. Values are
 * unescaped; `text`, `href`, `attr_id`, `nth-child`, `nth-of-type` become fields and every other
 * key (`attr__class`, `attr__href`, …) stays in `attributes`. A hand-written scanner, because
 * action matching parses chains at high volume. Never throws; malformed parts are skipped.
 */
export function parseElementsChain(chain: string): ChainElement[] {
  const out: ChainElement[] = [];
  if (typeof chain !== 'string') return out;
  for (let i = 0; i < chain.length; ) {
    if (chain.charCodeAt(i) === SEMICOLON) i++;
    else i = parseElement(chain, i, out);
  }
  return out;
}
