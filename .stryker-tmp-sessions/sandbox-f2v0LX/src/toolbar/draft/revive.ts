// @ts-nocheck
import type { PropertyFilter, StringMatching } from '../../actions/types';
import { STRING_MATCHINGS } from '../../actions/strings';
import { blankStep } from './steps';
import type { Draft, DraftField, DraftStep, MatchedDraftField, StepKind } from './types';

/**
 * A draft read back from storage.session (ToolbarUiState.draft is opaque there): anything that
 * is not recognisably a draft gives null; recognisable parts are kept, wrong-typed fields reset.
 * Filters are kept as objects only; validation judges their contents like any user input.
 */

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown): string => (typeof x === 'string' ? x : '');
const KINDS: readonly StepKind[] = ['element', 'pageview', 'event'];

function reviveField(x: unknown, fallback: DraftField): DraftField {
  return isObj(x) ? { enabled: x.enabled === true, value: text(x.value) } : fallback;
}

function reviveMatched(x: unknown, fallback: MatchedDraftField): MatchedDraftField {
  if (!isObj(x)) return fallback;
  const matching = STRING_MATCHINGS.includes(x.matching as StringMatching) ? (x.matching as StringMatching) : fallback.matching;
  return { ...reviveField(x, fallback), matching };
}

function reviveStep(x: unknown): DraftStep | null {
  if (!isObj(x) || !KINDS.includes(x.kind as StepKind)) return null;
  const base = blankStep(x.kind as StepKind, text(x.event));
  return {
    ...base,
    selector: reviveField(x.selector, base.selector),
    text: reviveMatched(x.text, base.text),
    href: reviveMatched(x.href, base.href),
    url: reviveMatched(x.url, base.url),
    tagName: reviveField(x.tagName, base.tagName),
    clicksOnly: x.clicksOnly === true,
    properties: Array.isArray(x.properties) ? (x.properties.filter(isObj) as unknown as PropertyFilter[]) : [],
  };
}

/** A Draft from an untrusted stored value, or null when it is not one. */
export function toDraft(x: unknown): Draft | null {
  if (!isObj(x) || typeof x.site !== 'string' || !Array.isArray(x.steps)) return null;
  const steps = x.steps.map(reviveStep);
  if (steps.some((s) => s === null)) return null;
  return {
    ...(typeof x.id === 'string' && { id: x.id }),
    site: x.site,
    name: text(x.name),
    description: text(x.description),
    tags: Array.isArray(x.tags) ? x.tags.filter((t): t is string => typeof t === 'string') : [],
    steps: steps as DraftStep[],
  };
}
