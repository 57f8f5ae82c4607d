// @ts-nocheck
import { elementsChainFor, tagOf } from '../../autocapture/elements';
import { parseElementsChain } from '../../events/elements-chain';
import type { ChainElement } from '../../events/types';
import type { HeatmapEntry } from '../../store/heatmap';
import { UI_ATTRIBUTE } from '../mount';

/**
 * Finds the live elements that stored click chains were recorded on, for the heatmap overlay.
 *
 * Rule. A chain's first element describes the clicked element; the rest are its ancestors up to
 * <body>, leaving open shadow roots through their hosts (autocapture's elementAndAncestors).
 * 1. Place: a candidate has the first element's tag, and its tag path and nth-child path up to
 *    the end of the chain equal the chain's. Rather than testing every element of the tag, the
 *    chain is walked down from <body> (or <html>) by tag and nth-child, into light children and
 *    open shadow roots alike: a few lookups per level, no page walk. Within one tree a path
 *    names one element, so candidates are the element at the same position, plus twins at the
 *    same path in other shadow trees.
 * 2. Id: when the chain's element has an id (`attr_id`) and the candidate has not, it is dropped
 *    if another element of the tag has that id (the element moved; something else sits at its
 *    old place). An id no element has any more (generated ids) does not drop it.
 * 3. Exact: a candidate whose own chain (autocapture's elementsChainFor, exactly what a click on
 *    it records now) equals the stored chain wins. Otherwise the candidate agreeing on the
 *    longest run of levels from the clicked element up, then on the most levels, wins; a level
 *    agrees when tag, nth-child, nth-of-type, classes, id and href agree. Text may differ
 *    (counters, timestamps, a changed label), and so may other attributes (`aria-expanded`).
 * A chain without nth-child values (hand-written, or from an old SDK) matches any position at
 * those levels; ties then go to the first candidate
 * (light children before a shadow root's).
 * Chains with no candidate are missing (the page changed, or the element is not rendered).
 * Lasso's own UI is never a candidate. Closed shadow roots cannot be entered. A chain never
 * says which frame it was recorded in, and a frame's clicks are stored under the frame's own URL:
 * locate a same-origin frame's chains by calling this with that frame's document (the frames are
 * found by overlay/frames.ts watchFrames) and the entries of that frame's URL.
 */

/** One live element with the clicks of every chain placed on it. */
export interface PlacedClicks {
  element: Element;
  clicks: number;
  chains: string[];
}


/** The elements whose tag and nth-child path equals `chain`'s (see the rule, step 1). */
function elementsAt(chain: ChainElement[], doc: Document): Element[] {
  const top = chain[chain.length - 1];
  // Autocapture's chain ends at <body>, or at an element without an element parent (<html>).
  const root = top.tag_name === 'body' ? doc.body : top.tag_name === 'html' ? doc.documentElement : null;
  if (!root || tagOf(root) !== top.tag_name || !nthMatches(root, top)) return [];
  let level: Element[] = [root];
  for (let i = chain.length - 2; i >= 0 && level.length; i--) {
    const want = chain[i];
    const next: Element[] = [];
    for (const parent of level) {
      childAt(parent, want, next);
      if (parent.shadowRoot) childAt(parent.shadowRoot, want, next);
    }
    level = next;
  }
  return level;
}

/** Children of `parent` at `want`'s nth-child with its tag (all with the tag if it has no nth-child). */
function childAt(parent: ParentNode, want: ChainElement, into: Element[]): void {
  const take = (c: Element | null | undefined) => {
    // <body> ends every chain: a path through another body is not this chain.
    if (c && tagOf(c) === want.tag_name && want.tag_name !== 'body' && !c.hasAttribute(UI_ATTRIBUTE)) into.push(c);
  };
  if (want.nth_child === undefined) for (const c of parent.children) take(c);
  else if (want.nth_child >= 1) take(parent.children[want.nth_child - 1]);
}

function nthMatches(el: Element, want: ChainElement): boolean {
  if (want.nth_child === undefined) return true;
  let n = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) n++;
  return n === want.nth_child;
}

/**
 * The document's elements with an id, by id: one query, so that no selector is ever built from
 * chain data (an id may hold a newline or anything else a selector cannot) and the page is read
 * once per call, not once per chain. Like the id test in the rule, it sees the document's own
 * tree, not shadow roots.
 */
function elementsById(doc: Document): Map<string, Element[]> {
  const byId = new Map<string, Element[]>();
  for (const el of doc.querySelectorAll('[id]')) {
    const id = el.getAttribute('id')!;
    const same = byId.get(id);
    if (same) same.push(el);
    else byId.set(id, [el]);
  }
  return byId;
}

/** Whether a stored level agrees with the live one (a position the stored chain lacks is not judged). */
const sameLevel = (stored: ChainElement, live: ChainElement): boolean =>
  stored.tag_name === live.tag_name && (stored.nth_child ?? live.nth_child) === live.nth_child &&
  (stored.nth_of_type ?? live.nth_of_type) === live.nth_of_type && stored.attr_id === live.attr_id &&
  stored.href === live.href && stored.attr_class.join('.') === live.attr_class.join('.');

/** [levels agreeing from the clicked element up before the first disagreement, levels agreeing]. */
function agreement(stored: ChainElement[], live: ChainElement[]): [number, number] {
  let run = -1;
  let total = 0;
  for (let i = 0; i < stored.length; i++) {
    if (i < live.length && sameLevel(stored[i], live[i])) total++;
    else if (run < 0) run = i;
  }
  return [run < 0 ? stored.length : run, total];
}

/**
 * Live elements each stored chain was recorded on (see the rule above). Several chains on one
 * element are summed; `placed` is most clicked first. Unmatched chains are returned in `missing`.
 * Each candidate's chain is built at most once per call.
 */
export function locateChains(entries: HeatmapEntry[], doc: Document): { placed: PlacedClicks[]; missing: HeatmapEntry[] } {
  const liveChains = new Map<Element, { chain: string; parsed?: ChainElement[] }>();
  const liveChain = (el: Element) => {
    let live = liveChains.get(el);
    if (!live) liveChains.set(el, (live = { chain: elementsChainFor(el) }));
    return live;
  };
  let byId: Map<string, Element[]> | undefined;
  /** Whether another element of `tag` has `id`: the chain's element is there, not at its old place. */
  const idElsewhere = (tag: string, id: string): boolean =>
    (byId ??= elementsById(doc)).get(id)?.some((el) => tagOf(el) === tag) ?? false;
  const placed = new Map<Element, PlacedClicks>();
  const missing: HeatmapEntry[] = [];
  for (const entry of entries) {
    const element = entry.chain ? locateOne(parseElementsChain(entry.chain), entry.chain) : null;
    if (!element) {
      missing.push(entry);
      continue;
    }
    const at = placed.get(element);
    if (at) {
      at.clicks += entry.clicks;
      at.chains.push(entry.chain);
    } else placed.set(element, { element, clicks: entry.clicks, chains: [entry.chain] });
  }
  return { placed: [...placed.values()].sort((a, b) => b.clicks - a.clicks), missing };

  function locateOne(chain: ChainElement[], text: string): Element | null {
    const first = chain[0];
    if (!first) return null;
    let candidates = elementsAt(chain, doc);
    const id = first.attr_id;
    if (id && candidates.some((el) => el.getAttribute('id') !== id) && idElsewhere(first.tag_name, id)) {
      candidates = candidates.filter((el) => el.getAttribute('id') === id);
    }
    let best: Element | null = null;
    let bestScore: [number, number] = [-1, -1];
    for (const el of candidates) {
      const live = liveChain(el);
      if (live.chain === text) return el;
      const score = agreement(chain, (live.parsed ??= parseElementsChain(live.chain)));
      if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) [best, bestScore] = [el, score];
    }
    return best;
  }
}
