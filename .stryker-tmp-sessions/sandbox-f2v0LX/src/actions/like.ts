/**
 * SQL LIKE patterns as ClickHouse (and so PostHog insights) reads them: `%` is any run of
 * characters, `_` any one character, and `\%`, `\_`, `\\` stand for themselves. Matched with
 * the two-pointer wildcard algorithm: O(pattern × subject) at worst, never exponential.
 */
// @ts-nocheck


const ANY_RUN = -1;
const ANY_ONE = -2;

/** Pattern code units, with ANY_RUN / ANY_ONE for the wildcards. */
function tokens(pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_' || pattern[i + 1] === '\\')) out.push(pattern.charCodeAt(++i));
    else out.push(c === '%' ? ANY_RUN : c === '_' ? ANY_ONE : pattern.charCodeAt(i));
  }
  return out;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function likeMatch(p: readonly number[], s: string): boolean {
  const n = s.length;
  const m = p.length;
  let si = 0;
  let pi = 0;
  let starP = -1;
  let starS = 0;
  while (si < n) {
    const c = s.charCodeAt(si);
    if (pi < m && (p[pi] === ANY_ONE || p[pi] === c)) {
      // `_` is one character: a surrogate pair counts once.
      si += p[pi] === ANY_ONE && isHighSurrogate(c) && si + 1 < n ? 2 : 1;
      pi++;
    } else if (pi < m && p[pi] === ANY_RUN) {
      starP = pi++;
      starS = si;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (pi < m && p[pi] === ANY_RUN) pi++;
  return pi === m;
}

/** True when the pattern has a wildcard (otherwise a plain substring test does). */
export const hasWildcard = (pattern: string): boolean => /[%_]/.test(pattern);

/**
 * A matcher for `subject LIKE '%pattern%'` (what "contains" means for url / text / href), or
 * ILIKE when `caseInsensitive`.
 */
export function compileContains(pattern: string, caseInsensitive: boolean): (s: string) => boolean {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  if (!hasWildcard(p) && p.indexOf('\\') < 0) {
    return caseInsensitive ? (s) => s.toLowerCase().includes(p) : (s) => s.includes(p);
  }
  const t = [ANY_RUN, ...tokens(p), ANY_RUN];
  return caseInsensitive ? (s) => likeMatch(t, s.toLowerCase()) : (s) => likeMatch(t, s);
}
