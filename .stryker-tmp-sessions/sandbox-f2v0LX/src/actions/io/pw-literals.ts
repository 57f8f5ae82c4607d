/**
 * Turning action values into TypeScript source for the generated Playwright test. Every string
 * goes through JSON.stringify (valid TS string literal syntax); regexes are emitted as
 * `new RegExp("…", "…")` rather than literals, so no pattern can end a literal early.
 */
// @ts-nocheck

import type { StringMatching } from '../types';

/** A TS expression for `value` as a string literal. */
export const str = (value: string): string => JSON.stringify(value);

/** Text safe inside a `//` comment: line terminators would end the comment and inject code. */
export const commentText = (value: string): string => value.replace(/[\r\n\u2028\u2029]/g, ' ');

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** SQL LIKE (the spec's `contains`): `%` any run, `_` any one character. */
export const hasWildcards = (s: string): boolean => /[%_]/.test(s);
const likeSource = (s: string): string => [...s].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : escapeRegExp(c))).join('');

/** A JS regex pattern + flags, or null with a reason when JS cannot run the RE2 pattern. */
export type JsRegex = { source: string; flags: string } | { error: string };

/**
 * The JS regex that approximates `value` under `mode` (RE2 for regex mode; `(?i)` and `(?P<`
 * are translated because JS spells them differently). Checked by compiling it here.
 */
export function toJsRegex(value: string, mode: StringMatching, caseInsensitive: boolean): JsRegex {
  let source: string;
  let flags = caseInsensitive ? 'i' : '';
  if (mode === 'exact') source = `^${escapeRegExp(value)}$`;
  else if (mode === 'contains') source = likeSource(value);
  else {
    source = value.replace(/\(\?P</g, '(?<');
    if (source.startsWith('(?i)')) { source = source.slice(4); flags = 'i'; }
  }
  try {
    new RegExp(source, flags);
  } catch (e) {
    return { error: `RE2 pattern ${JSON.stringify(value)} does not run in JavaScript (${(e as Error).message})` };
  }
  return { source, flags };
}

/** A TS expression constructing `re`. */
export const regexExpr = (re: { source: string; flags: string }): string =>
  re.flags ? `new RegExp(${str(re.source)}, ${str(re.flags)})` : `new RegExp(${str(re.source)})`;

/** A CSS string (double-quoted) for an attribute selector value. */
export function cssString(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/["\\]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
