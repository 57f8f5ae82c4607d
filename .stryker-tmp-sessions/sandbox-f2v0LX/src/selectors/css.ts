// @ts-nocheck
import type { CandidateKind } from './types';

/**
 * Building blocks of selectors in the grammar actions support. Names go through CSS.escape, so
 * Tailwind classes like `md:flex` and `w-1/2` come out as `.md\:flex` and `.w-1\/2`.
 */

/** A draft candidate, before it is counted, checked against the click and scored. */
export interface Draft {
  kind: CandidateKind;
  selector: string;
  text?: string;
  via?: string;
  classCount?: number;
  generatedTokens?: string[];
  narrowedBy?: string;
  narrows?: string;
}

/** `#id`, escaped. */
export const idSelector = (id: string): string => '#' + CSS.escape(id);

/** `.a.b`, escaped. */
export const classSelector = (classes: readonly string[]): string => classes.map((c) => '.' + CSS.escape(c)).join('');

/** True when a value can be written inside a quoted attribute selector as is (no control characters). */
export function isQuotable(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

/** `[name="value"]` (or `[name]` without a value), the name escaped and the value quoted. */
export function attributeSelector(name: string, value?: string): string {
  if (value === undefined) return `[${CSS.escape(name)}]`;
  return `[${CSS.escape(name)}="${value.replace(/["\\]/g, '\\$&')}"]`;
}

/** Lower-case tag name, escaped (custom elements may contain odd characters). */
export const tagSelector = (el: Element): string => CSS.escape(el.tagName.toLowerCase());
