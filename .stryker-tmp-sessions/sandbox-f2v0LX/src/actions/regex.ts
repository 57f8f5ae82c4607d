// @ts-nocheck
import { RE2JS } from 're2js';
import { ActionValidationError } from './errors';

/** A compiled RE2 pattern; `test` is an unanchored search. */
export interface Re2 {
  source: string;
  test(s: string): boolean;
}

/**
 * Compiles `pattern` with RE2 semantics (linear time; no look-around or back-references).
 * Throws ActionValidationError at `path` when RE2 rejects it, never silently failing to match.
 */
export function compileRegex(pattern: string, path: string): Re2 {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    throw new ActionValidationError(path, `'${pattern}' is not a valid RE2 regular expression (${why}); RE2 has no look-around or back-references`);
  }
  return { source: pattern, test: (s: string) => re.test(s) };
}
