// @ts-nocheck
// Kept apart from src/selectors (which re-exports the default): settings are read by the capture
// content script, which should not carry the selector code.

/** Analytics / test attributes that rank first for selectors, most trusted first; a trailing `*` is a prefix. */
export const DEFAULT_DATA_ATTRIBUTES = ['data-attr', 'data-testid', 'data-test', 'data-cy', 'data-qa', 'data-ph-capture-attribute-*'];

/** At most this many attributes are kept (each is tried on every element a selector is built for). */
export const MAX_DATA_ATTRIBUTES = 20;

/** An attribute name as HTML writes it (lower case), optionally ending in `*` (a prefix). */
const NAME = /^[a-z_][a-z0-9_.:-]*\*?$/;

/**
 * A checked list of selector data attributes (trimmed, lower-cased, duplicates dropped, order kept),
 * or the problem with it in words.
 */
export function parseDataAttributes(value: unknown): { attributes: string[] } | { error: string } {
  if (!Array.isArray(value)) return { error: 'expected a list of attribute names' };
  if (value.length > MAX_DATA_ATTRIBUTES) return { error: `at most ${MAX_DATA_ATTRIBUTES} attributes, not ${value.length}` };
  const out: string[] = [];
  for (const raw of value) {
    const name = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (!NAME.test(name) || name.length > 100 || name === '*') return { error: `${JSON.stringify(raw)?.slice(0, 40)} is not an attribute name (e.g. data-testid, or data-track-* for a prefix)` };
    if (!out.includes(name)) out.push(name);
  }
  return { attributes: out };
}
