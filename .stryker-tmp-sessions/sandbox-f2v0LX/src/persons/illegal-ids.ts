/**
 * Distinct ids that PostHog refuses to merge, because they come from a bug (identify called with
 * `undefined`, an object, a placeholder) and merging on them would fold unrelated users into one
 * giant person.
 *
 * Source (facts only): PostHog/posthog nodejs/src/worker/ingestion/persons/person-merge-service.ts
 * (BARE_CASE_INSENSITIVE_ILLEGAL_IDS, BARE_CASE_SENSITIVE_ILLEGAL_IDS, isDistinctIdIllegal).
 * Also plugin-server/src/worker/ingestion/person-state.ts in older trees.
 */
// @ts-nocheck


/** Illegal in any casing (`uNdEfInEd` too). */
export const CASE_INSENSITIVE_ILLEGAL_IDS: readonly string[] = [
  'anonymous', 'guest', 'distinctid', 'distinct_id', 'id', 'not_authenticated', 'email', 'undefined', 'true', 'false',
];

/** Illegal only exactly as written: `NaN` is refused, `nan` is not. */
export const CASE_SENSITIVE_ILLEGAL_IDS: readonly string[] = ['[object Object]', 'NaN', 'None', 'none', 'null', '0', 'undefined'];

/** PostHog adds the single- and double-quoted form of every listed id (seen in real traffic). */
function withQuotedForms(ids: readonly string[]): Set<string> {
  return new Set(ids.flatMap((id) => [id, `'${id}'`, `"${id}"`]));
}

const INSENSITIVE = withQuotedForms(CASE_INSENSITIVE_ILLEGAL_IDS);
const SENSITIVE = withQuotedForms(CASE_SENSITIVE_ILLEGAL_IDS);

/**
 * Whether PostHog refuses to merge on `id`: blank after trimming, a case-insensitive match of the
 * first list (or its quoted form), or an exact match of the second (or its quoted form).
 * Note that PostHog lowercases the untrimmed id, so `' guest'` is legal, as it is here.
 */
export function isDistinctIdIllegal(id: string): boolean {
  return id.trim() === '' || INSENSITIVE.has(id.toLowerCase()) || SENSITIVE.has(id);
}
