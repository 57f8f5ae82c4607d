// @ts-nocheck
import { tagOf } from '../autocapture/elements';
import type { Draft } from './css';
import { DEFAULT_DATA_ATTRIBUTES, ariaDrafts, classDrafts, dataAttributeDrafts, hrefDrafts, idDrafts, splitStableClasses } from './drafts';
import { isGeneratedName } from './generated-names';
import { narrowShared } from './narrow';
import { rankCandidates, scoreCandidate } from './scoring';
import { selectorShape } from './selector-parts';
import { findSimilar, type SimilarGroup } from './similar';
import { similarChecker } from './similar-check';
import { similarDrafts, similarTextDrafts } from './similar-drafts';
import { structureDrafts } from './structure';
import { countTextMatches, resolveTarget, textMatches } from './target';
import type { SelectorCandidate, SelectorOptions, SelectorScope } from './types';
import { clickChecker } from './verify';

export { isGeneratedName } from './generated-names';
export { DEFAULT_DATA_ATTRIBUTES } from './drafts';
export type { CandidateKind, SelectorCandidate, SelectorOptions, SelectorScope } from './types';
export type { SimilarGroup, SimilarIdentity } from './similar';

/**
 * The elements similar to the one a click on `element` records (rows of a list, cards of a grid;
 * see similar.ts), with what tells it apart from them, or null when it is not one of several.
 */
export function similarElements(element: Element): SimilarGroup | null {
  return findSimilar(resolveTarget(element).target);
}

/** The scope a new action from this element defaults to (see SelectorOptions.scope). */
export const defaultScope = (group: SimilarGroup | null): SelectorScope => (group && !group.identity ? 'similar' : 'one');

/** Longer texts make poor conditions (they get edited, and the chain cuts them). */
const MAX_TEXT_LENGTH = 80;
/** Structural candidates are added only when no unique selector candidate scores at least this. */
const STRUCTURE_WHEN_BELOW = 50;
/** Candidates covering the similar elements looked for at most (the first is the one used). */
const MAX_COVERING = 3;
/** Shared candidates narrowed to the element (each narrowing costs a few page queries). */
const MAX_NARROWINGS = 2;

/** The document or shadow root the element lives in, for counting matches. */
function defaultRoot(el: Element): ParentNode {
  const root = el.getRootNode();
  return root.nodeType === 9 || root.nodeType === 11 ? (root as ParentNode) : el.ownerDocument;
}

/**
 * Candidates that do what the scope asks come first (each group keeps its ranking): `similar` —
 * those matching exactly the similar elements; `one` — those matching this element alone.
 */
function inScopeFirst(ranked: SelectorCandidate[], scope: SelectorScope): SelectorCandidate[] {
  const fits = (c: SelectorCandidate) => c.matchesClick && (scope === 'similar' ? !!c.coversSimilar : c.matchCount === 1);
  // For all similar elements a position is never the answer, even when nothing covers them exactly.
  const last = (c: SelectorCandidate) => scope === 'similar' && selectorShape(c.selector).positionalParts > 0;
  return [...ranked.filter(fits), ...ranked.filter((c) => !fits(c) && !last(c)), ...ranked.filter((c) => !fits(c) && last(c))];
}

/** Reasons every candidate of this element shares: which element, what was skipped. */
function sharedNotes(target: Element, notes: string[], noCapture: boolean): string[] {
  const out = [...notes];
  const id = target.getAttribute('id');
  if (id && isGeneratedName(id)) out.push(`generated id skipped: ${id}`);
  for (const c of splitStableClasses(target).generated) out.push(`generated class skipped: ${c}`);
  if (noCapture) out.push('clicks here are never captured (ph-no-capture around the element)');
  return out;
}

/**
 * Ranked selector candidates (best first) for the element a user points at on a live page, each
 * with its match count, robustness score, reasons, and whether an action built from it matches a
 * click on the element. Proposals are for the element autocapture records (a click on an SVG
 * icon is recorded on its button) or the link / button around it. Candidates stay inside the
 * action selector grammar: each is compiled with compileAction and dropped if rejected.
 */
export function selectorCandidates(element: Element, options: SelectorOptions = {}): SelectorCandidate[] {
  const dataAttributes = options.dataAttributes ?? DEFAULT_DATA_ATTRIBUTES;
  const resolved = resolveTarget(element);
  const { target, textCarrier } = resolved;
  const root = options.root ?? defaultRoot(target);
  const count = (selector: string) => root.querySelectorAll(selector).length;
  const check = clickChecker(resolved.clickChain);
  const notes = sharedNotes(target, resolved.notes, resolved.noCapture);

  const group = findSimilar(target);
  const scope: SelectorScope = options.scope ?? defaultScope(group);
  const coversSimilar = group ? similarChecker(group, root) : () => false;

  const evaluate = (draft: Draft): SelectorCandidate | null => {
    const matchesClick = check(draft.selector, draft.text);
    if (matchesClick === null) return null;
    let found: Element[];
    try {
      found = draft.text !== undefined ? textMatches(root, draft.selector, draft.text) : [...root.querySelectorAll(draft.selector)];
    } catch {
      return null; // the browser rejects it: never propose it
    }
    const covers = !!group && coversSimilar(draft.selector, draft.text, found);
    // Across shadow roots the root's own count sees one row; the similar elements are the count.
    const matchCount = covers ? group.elements.length : found.length;
    const shape = selectorShape(draft.selector);
    const facts = { ...draft, ...shape, matchCount, matchesClick, ...(covers && { similarCount: matchCount }) };
    const { score, reasons } = scoreCandidate(facts);
    if (score === 0 && shape.positionalParts > 0) return null; // a position and nothing else going for it
    const candidate: SelectorCandidate = { selector: draft.selector, kind: draft.kind, matchCount, score, reasons: [...reasons, ...notes], matchesClick };
    if (draft.text !== undefined) candidate.text = draft.text;
    if (covers) candidate.coversSimilar = true;
    return candidate;
  };

  const drafts: Draft[] = [
    ...dataAttributeDrafts(target, dataAttributes),
    ...idDrafts(target),
    ...ariaDrafts(target),
    ...hrefDrafts(target),
    ...classDrafts(target, root),
  ];
  if (textCarrier && textCarrier.text.length <= MAX_TEXT_LENGTH) {
    drafts.push({ kind: 'text', selector: tagOf(textCarrier.element), text: textCarrier.text });
  }

  const candidates = drafts.map(evaluate).filter((c): c is SelectorCandidate => c !== null);
  // Drafts for the similar elements come most robust first; each costs a page query, so the
  // search stops once a few cover them.
  if (group) {
    let covering = candidates.filter((c) => c.coversSimilar).length;
    for (const draft of similarDrafts(group, dataAttributes)) {
      if (covering >= MAX_COVERING) break;
      drafts.push(draft);
      const evaluated = evaluate(draft);
      if (!evaluated) continue;
      candidates.push(evaluated);
      if (evaluated.coversSimilar) covering++;
    }
  }
  // Text conditions for the similar elements only when no selector alone covers them well.
  if (group && !candidates.some((c) => c.coversSimilar && c.matchesClick && c.kind !== 'text' && c.score >= STRUCTURE_WHEN_BELOW)) {
    for (const draft of similarTextDrafts(group, dataAttributes)) {
      drafts.push(draft);
      const evaluated = evaluate(draft);
      if (evaluated) candidates.push(evaluated);
    }
  }
  // One of many similar elements: keep the shared candidate and add a unique narrowing of it.
  // Narrowed by an ancestor already (a similar-elements draft under its list): not narrowed again.
  const anchored = new Set(drafts.filter((d) => d.narrowedBy).map((d) => `${d.selector}\u0000${d.text ?? ''}`));
  const shared = rankCandidates(candidates.filter((c) => c.matchCount > 1 && c.matchesClick && c.kind !== 'structure' && !anchored.has(`${c.selector}\u0000${c.text ?? ''}`)));
  for (const c of shared.slice(0, MAX_NARROWINGS)) {
    const draft = drafts.find((d) => d.selector === c.selector && d.text === c.text);
    const text = draft?.text;
    const counter = text === undefined ? count : (selector: string) => countTextMatches(root, selector, text);
    const narrowed = draft && narrowShared(target, draft, dataAttributes, counter);
    const evaluated = narrowed && evaluate(narrowed);
    if (!evaluated) continue;
    const at = c.reasons.findIndex((r) => r.startsWith('shared by') || r.startsWith('matches all')) + 1;
    c.reasons.splice(at, 0, `one of ${c.matchCount} similar elements; unique narrowing: \`${evaluated.selector}\``);
    candidates.push(evaluated);
  }

  // Structure is the fallback: only worth its cost (the generator queries the page a lot) when
  // nothing better identifies the element on its own.
  // A text condition does not count: the toolbar needs at least one selector to highlight with.
  const enough = (c: SelectorCandidate) => c.kind !== 'text' && c.matchesClick && c.score >= STRUCTURE_WHEN_BELOW && (c.matchCount === 1 || (scope === 'similar' && !!c.coversSimilar));
  if (!candidates.some(enough)) {
    for (const draft of structureDrafts(target, root)) {
      const evaluated = evaluate(draft);
      if (evaluated) candidates.push(evaluated);
    }
  }

  const seen = new Set<string>();
  return inScopeFirst(rankCandidates(candidates), scope).filter((c) => {
    const key = `${c.selector}\u0000${c.text ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
