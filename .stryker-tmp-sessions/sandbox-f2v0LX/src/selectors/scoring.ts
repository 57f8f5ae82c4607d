// @ts-nocheck
import type { CandidateFacts, CandidateKind, SelectorCandidate } from './types';

/**
 * Robustness scores of selector candidates and their order. Pure: the DOM side gathers
 * CandidateFacts, this turns them into a score and reasons. The numbers are documented in
 * src/selectors/README.md; keep the two in step.
 */

/** Score of a unique, click-matching candidate of each kind before penalties. */
export const BASE_SCORE: Record<CandidateKind, number> = {
  'data-attribute': 95,
  id: 85,
  aria: 75,
  href: 70,
  class: 60,
  text: 50,
  structure: 20,
};

/** Penalties, in score points. */
export const PENALTY = {
  /** Matches more than one element: an action from it counts clicks on all of them. */
  shared: 20,
  /** Each class beyond the first: more classes, more ways for a redesign to break it. */
  extraClass: 5,
  /** Each position-based part (structure kind: each beyond its first). Inserting a sibling breaks it. */
  positional: 15,
  /** Each compound part beyond the first (ancestor qualification). */
  extraPart: 3,
  /** Selector longer than 60 characters; doubled beyond 100. */
  long: 5,
  /** Each generated-looking value the candidate still uses. */
  generated: 25,
  /** A click on the element would not match (the chain does not record what it relies on). */
  noClickMatch: 50,
} as const;

function kindReason(f: CandidateFacts, unique: boolean): string {
  const scope = unique ? 'unique' : 'shared';
  switch (f.kind) {
    case 'data-attribute': return `${scope} data attribute ${f.via ?? ''}`.trim();
    case 'id': return `${scope} stable id`;
    case 'aria': return `${scope} ${f.via ?? 'accessible name'}`;
    case 'href': return `${scope} link target (href)`;
    case 'class': return `${scope} stable class${(f.classCount ?? 1) > 1 ? 'es' : ''}`;
    case 'text': return `${scope} text condition (exact)`;
    case 'structure': return `${scope} structural fallback`;
  }
}

/** Score (0–100, integer) and reasons for one candidate. */
export function scoreCandidate(f: CandidateFacts): { score: number; reasons: string[] } {
  if (f.matchCount < 1) return { score: 0, reasons: ['matches nothing on the page'] };
  const unique = f.matchCount === 1;
  const reasons = [kindReason(f, unique)];
  let score = BASE_SCORE[f.kind];
  if (f.similarCount !== undefined && f.similarCount === f.matchCount) {
    reasons[0] = kindReason(f, true).replace(/^unique /, '');
    reasons.push(`matches all ${f.matchCount} similar elements and nothing else`);
  } else if (!unique) {
    score -= PENALTY.shared;
    reasons.push(`shared by ${f.matchCount} elements`);
  }
  if (f.narrows) reasons.push(`narrows \`${f.narrows}\` to this element with \`${f.narrowedBy}\``);
  const classes = f.classCount ?? 0;
  if (classes > 1) {
    score -= PENALTY.extraClass * (classes - 1);
    reasons.push(`${classes} classes`);
  }
  const positional = f.positionalParts ?? 0;
  const chargedPositional = f.kind === 'structure' ? Math.max(0, positional - 1) : positional;
  if (positional > 0) {
    score -= PENALTY.positional * chargedPositional;
    reasons.push('position-based');
  }
  const parts = f.compoundParts ?? 1;
  if (parts > 1) {
    score -= PENALTY.extraPart * (parts - 1);
    reasons.push(`${parts} levels`);
  }
  if (f.selector.length > 60) {
    score -= f.selector.length > 100 ? PENALTY.long * 2 : PENALTY.long;
    reasons.push(`long selector (${f.selector.length} characters)`);
  }
  for (const token of f.generatedTokens ?? []) {
    score -= PENALTY.generated;
    reasons.push(`uses generated-looking value: ${token}`);
  }
  if (!f.matchesClick) {
    score -= PENALTY.noClickMatch;
    reasons.push('a click on this element would not match (not recorded in $elements_chain)');
  }
  return { score: Math.max(0, Math.min(100, Math.round(score))), reasons };
}

/**
 * Best first: candidates that match the click, then higher score, then fewer matches, then the
 * shorter selector (stable order otherwise).
 */
export function rankCandidates<T extends Pick<SelectorCandidate, 'matchesClick' | 'score' | 'matchCount' | 'selector'>>(
  list: readonly T[],
): T[] {
  return [...list].sort((a, b) =>
    Number(b.matchesClick) - Number(a.matchesClick) ||
    b.score - a.score ||
    a.matchCount - b.matchCount ||
    a.selector.length - b.selector.length);
}
