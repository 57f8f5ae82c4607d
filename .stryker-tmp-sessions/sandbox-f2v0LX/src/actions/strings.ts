// @ts-nocheck
import type { StringMatching } from './types';
import { compileContains } from './like';
import { compileRegex } from './regex';

/** A compiled string condition plus the words explanations use for it. */
export interface StringMatcher {
  test(s: string): boolean;
  /** The condition in words, e.g. "= 'Sign up' (exact)", "contains '/pricing'", "matches /^\/p/". */
  describe: string;
  /** Its negation in words, e.g. "≠ 'Sign up' (exact)", "does not contain '/pricing'". */
  negated: string;
}

/** Which field: `url` contains is case-sensitive LIKE; `text` / `href` contains is ILIKE. */
export type MatchedField = 'url' | 'text' | 'href';

export const STRING_MATCHINGS: readonly StringMatching[] = ['exact', 'contains', 'regex'];

/** The default mode per field (spec: url contains, text / href exact). */
export const defaultMatching = (field: MatchedField): StringMatching => (field === 'url' ? 'contains' : 'exact');

/**
 * Compiles one string condition per the spec's table. `path` is used for regex errors.
 * Throws ActionValidationError when a regex is not valid RE2.
 */
export function compileStringMatcher(field: MatchedField, pattern: string, mode: StringMatching, path: string): StringMatcher {
  const shown = `'${pattern}'`;
  if (mode === 'regex') {
    const re = compileRegex(pattern, path);
    return { test: re.test, describe: `matches /${pattern}/`, negated: `does not match /${pattern}/` };
  }
  if (mode === 'contains') {
    const ci = field !== 'url';
    const label = ci ? ' (case-insensitive)' : '';
    return { test: compileContains(pattern, ci), describe: `contains ${shown}${label}`, negated: `does not contain ${shown}${label}` };
  }
  return { test: (s) => s === pattern, describe: `= ${shown} (exact)`, negated: `≠ ${shown} (exact)` };
}
