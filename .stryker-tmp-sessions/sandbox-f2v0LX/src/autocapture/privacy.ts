/**
 * Autocapture privacy rules, as pure functions of strings and plain element facts so they can be
 * table-tested without a DOM. They follow posthog-js 1.449.2 (`autocapture-utils`) exactly, with
 * deliberate, stricter additions: a card number written in groups ("4111 1111 1111 1111") is
 * removed from element text (posthog-js judges the groups one by one and keeps them), and
 * elements in an editing host are value fields (isEditingHostValue).
 */
// @ts-nocheck


/** Field names / ids (non-alphanumerics stripped) that mark a field as never capturable. */
export const SENSITIVE_NAME_REGEX =
  /^cc|cardnum|ccnum|creditcard|csc|cvc|cvv|exp|pass|pwd|routing|seccode|securitycode|securitynum|socialsec|socsec|ssn/i;

// Card networks (Visa, Mastercard, Discover, Amex, Diners, JCB); used anchored on the whole value.
const CARD_REGEX =
  /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9]{2})[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11})$/;
const SSN_REGEX = /^\d{3}-?\d{2}-?\d{4}$/;
/** Runs of digits grouped by single spaces or dashes, with at least one separator. */
const GROUPED_DIGITS_REGEX = /(?<![0-9A-Za-z_])[0-9]+(?:[ -][0-9]+)+(?![0-9A-Za-z_])/g;

/** Attributes an input-like ("sensitive") element may keep. */
const SENSITIVE_KEEP_ATTRIBUTES = ['name', 'id', 'class', 'aria-label'];
/** Input types that are controls rather than value fields. */
const CONTROL_INPUT_TYPES = ['button', 'checkbox', 'submit', 'reset'];

/** True when the whole value (spaces and dashes ignored) has the shape of a card number. */
export function looksLikeCardNumber(value: string): boolean {
  return CARD_REGEX.test(value.trim().replace(/[- ]/g, ''));
}

/** True when the whole trimmed value has the shape of a US social security number. */
export function looksLikeSSN(value: string): boolean {
  return SSN_REGEX.test(value.trim());
}

/**
 * posthog-js `shouldCaptureValue`: false for values that look like a card number or SSN as a
 * whole. Applies to attribute values, text tokens and `data-ph-capture-attribute-*` values.
 */
export function shouldCaptureValue(value: string | null | undefined): boolean {
  if (value == null) return false;
  return !looksLikeCardNumber(value) && !looksLikeSSN(value);
}

/** Luhn checksum over a string of ASCII digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Lasso's stricter rule: drop digit groups that together form a Luhn-valid card number. */
function dropGroupedCardNumbers(text: string): string {
  if (!/[0-9][ -][0-9]/.test(text)) return text;
  return text.replace(GROUPED_DIGITS_REGEX, (run) => {
    const digits = run.replace(/[- ]/g, '');
    return CARD_REGEX.test(digits) && passesLuhn(digits) ? '' : run;
  });
}

/**
 * Text of one text node, made safe (posthog-js `makeSafeText`): whitespace-separated tokens that
 * look like card numbers or SSNs are dropped, line breaks become spaces, runs of spaces collapse,
 * and the result is cut to 255 characters. Lasso also drops grouped card numbers (see module doc).
 */
export function makeSafeText(text: string | null | undefined): string {
  if (text == null) return '';
  const parts = dropGroupedCardNumbers(text.trim()).split(/(\s+)/);
  let out = '';
  for (const part of parts) if (shouldCaptureValue(part)) out += part;
  return out.replace(/[\r\n]/g, ' ').replace(/ +/g, ' ').substring(0, 255);
}

/** posthog-js `splitClassString`: a class attribute split on (Unicode) whitespace. */
export function splitClasses(value: string | null | undefined): string[] {
  return value ? value.trim().split(/\s+/) : [];
}

/** True for the class names that hide an element and its subtree from capture. */
export function hasBlockingClass(classes: readonly string[]): boolean {
  return classes.includes('ph-sensitive') || classes.includes('ph-no-capture');
}

/** Input types whose elements are never captured (posthog-js reads the `type` property). */
export function isExcludedType(type: unknown): boolean {
  if (typeof type !== 'string') return false;
  const t = type.toLowerCase();
  return t === 'hidden' || t === 'password';
}

/** True when a field name or id marks it as card / password / SSN data. Non-strings are ignored. */
export function isSensitiveName(name: unknown): boolean {
  return typeof name === 'string' && SENSITIVE_NAME_REGEX.test(name.replace(/[^a-zA-Z0-9]/g, ''));
}

/** The facts about one element that the element-level privacy rules look at. */
export interface ElementFacts {
  /** Lower-case tag name. */
  tag: string;
  /** The element's `type` property (inputs normalise it; undefined for most elements). */
  type?: unknown;
  /** The element's `name` property, which only form-ish elements have. */
  name?: unknown;
  /** The element's `id` property. */
  id?: unknown;
  /** Its own classes. */
  classes: readonly string[];
  /** Raw `contenteditable` attribute value. */
  contentEditable?: string | null;
  /** A `ph-sensitive` / `ph-no-capture` class on it or an ancestor (up to, not including, body). */
  blocked: boolean;
}

/**
 * posthog-js `shouldCaptureElement`: may this element's text, href and capture attributes be
 * recorded? Blocked subtrees never are; `ph-include` then overrides the type / name rules.
 */
export function shouldCaptureElement(el: ElementFacts): boolean {
  if (el.blocked) return false;
  if (el.classes.includes('ph-include')) return true;
  if (isExcludedType(el.type)) return false;
  return !isSensitiveName(el.name || el.id || '');
}

/**
 * posthog-js `isSensitiveElement`: value-bearing fields (inputs other than button / checkbox /
 * submit / reset, select, textarea, `contenteditable="true"`) keep no text and few attributes.
 */
export function isSensitiveElement(el: Pick<ElementFacts, 'tag' | 'type' | 'contentEditable'>): boolean {
  if (el.tag === 'input' && !CONTROL_INPUT_TYPES.includes(el.type as string)) return true;
  return el.tag === 'select' || el.tag === 'textarea' || el.contentEditable === 'true';
}

/**
 * Lasso's stricter rule: does a `contenteditable` attribute value make its element an editing
 * host (`""`, `true`, `plaintext-only`, any case)? Text in an editing host or its descendants is
 * what the user typed, so it is treated like an input's value and never recorded.
 */
export function isEditingHostValue(value: string | null | undefined): boolean {
  if (value == null) return false;
  const v = value.trim().toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/** True for Angular's generated `_ngcontent-*` / `_nghost-*` attributes. */
export function isAngularAttribute(name: string): boolean {
  return name.startsWith('_ngcontent') || name.startsWith('_nghost');
}

/** May attribute `name="value"` of an element (sensitive or not) go into the chain? */
export function keepAttribute(name: string, value: string, sensitiveElement: boolean): boolean {
  if (sensitiveElement && !SENSITIVE_KEEP_ATTRIBUTES.includes(name)) return false;
  return shouldCaptureValue(value) && !isAngularAttribute(name);
}
