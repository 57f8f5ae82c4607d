// @ts-nocheck
import { HOUR_MS } from '../store/rows';

/**
 * Action health, the pure decision. An action is **broken** on a page when it kept matching
 * events there, the page is still visited, and it has matched none since — by more than chance
 * explains: the matches its own past rate predicts for the page views since its last match are
 * so many that seeing none is implausible (a deploy changed the markup). Everything here is a
 * function of the numbers the store's index gives (src/health/read.ts); tested with tables.
 */

/** What the index knows about one action on one page (origin + path). */
export interface PageHistory {
  /** The page: origin + path (pageKey). */
  page: string;
  /** The action's stored matches on this page: how many, first and last time (ms). */
  matches: { n: number; first: number; last: number };
  /** `$elements_chain` of its last match there (null for a step without an element). */
  lastChain: string | null;
  /** Page views of this page per UTC hour (`[hour since epoch, views]`, any order). */
  views: [hour: number, n: number][];
  /** Chains of the page's events of the same kind that the action does not match: the repair candidates. */
  others: ChainSeen[];
}

/** A chain seen on the page: its events and their first and last time (ms). */
export interface ChainSeen {
  chain: string;
  n: number;
  first: number;
  last: number;
}

export type HealthStatus = 'ok' | 'broken' | 'no data';

/** One action's health (`actions.health`). */
export interface ActionHealth {
  id: string;
  status: HealthStatus;
  /** Broken: when it stopped (its last match on `page`, ms); otherwise null. */
  since: number | null;
  /** Broken: the page it stopped matching on; ok: the page of its latest match; no data: null. */
  page: string | null;
  /** The last chain it matched on `page`. */
  lastChain: string | null;
  /** Broken: chains that now take that place in the page's events, best first. */
  candidates: ChainSeen[];
  /** The evidence: page views of `page` since its last match there, and the matches its past rate predicted for them. */
  viewsSince: number;
  expected: number;
}

/**
 * The thresholds. `minMatches`: fewer past matches are no pattern to break. `minViews`: fewer
 * page views since are not "still visited". `minExpected`: with a Poisson rate, seeing 0 where
 * 8 were expected happens with probability e^-8 ≈ 0.03 %: low traffic and rare actions stay ok.
 */
export const HEALTH_RULES = { minMatches: 5, minViews: 5, minExpected: 8, candidates: 5 } as const;

const hourOfMs = (ms: number): number => Math.floor(ms / HOUR_MS);

/** The judgement of one page: views since the last match (hours strictly after its hour) and matches expected for them. */
export function judgePage(h: PageHistory, rules = HEALTH_RULES): { broken: boolean; viewsSince: number; expected: number } {
  const firstHour = hourOfMs(h.matches.first);
  const lastHour = hourOfMs(h.matches.last);
  let during = 0;
  let since = 0;
  for (const [hour, n] of h.views) {
    if (hour >= firstHour && hour <= lastHour) during += n;
    else if (hour > lastHour) since += n;
  }
  // Matches per page view while it matched; an action matched without views recorded (views not
  // captured there) counts one view per match, so views since still weigh.
  const rate = h.matches.n / Math.max(during, 1);
  // Too few views since: nothing was expected (and the reader skips the views while it matched).
  const expected = since >= rules.minViews ? rate * since : 0;
  const broken = h.matches.n >= rules.minMatches && since >= rules.minViews && expected >= rules.minExpected;
  return { broken, viewsSince: since, expected };
}

/** Position keys say where an element sits, not what it is: left out of likeness. */
const POSITION_KEYS = new Set(['nth-child', 'nth-of-type', 'attr__class']);

/** What an element of a chain is made of: its tag, classes, attribute names, and the words of its values. */
function elementWords(chain: string): Set<string> {
  const first = chain.split(';')[0] ?? '';
  const colon = first.indexOf(':');
  const head = colon < 0 ? first : first.slice(0, colon);
  const words = new Set(head.split('.').filter(Boolean));
  for (const [, key, value] of first.slice(head.length).matchAll(/([\w-]+)="((?:[^"\\]|\\.)*)"/g)) {
    if (POSITION_KEYS.has(key)) continue;
    if (key.startsWith('attr__')) words.add(key);
    for (const w of value.split(/[^\p{L}\p{N}_-]+/u)) if (w) words.add(w);
  }
  return words;
}

/** How alike two chains' first elements look: shared words over the smaller element's words (0–1). */
export function likeness(a: string, b: string): number {
  const wa = elementWords(a);
  const wb = elementWords(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(1, Math.min(wa.size, wb.size));
}

/**
 * Repair candidates: chains first seen on the page after the action's last match there (they
 * "took its place"), most alike to the last chain first, then most events, then by chain.
 */
export function rankCandidates(others: ChainSeen[], lastChain: string | null, since: number, limit: number = HEALTH_RULES.candidates): ChainSeen[] {
  const fresh = others.filter((c) => c.first > since);
  const score = new Map(fresh.map((c) => [c.chain, lastChain ? likeness(lastChain, c.chain) : 0]));
  return fresh
    .sort((a, b) => score.get(b.chain)! - score.get(a.chain)! || b.n - a.n || (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0))
    .slice(0, limit);
}

/**
 * An action's health from its pages' histories. No page with a match: 'no data'. A broken page
 * (judgePage) makes it 'broken' — the one where the most matches were expected, when several;
 * else 'ok', with the page of its latest match.
 */
export function judgeAction(id: string, pages: PageHistory[], rules = HEALTH_RULES): ActionHealth {
  const seen = pages.filter((p) => p.matches.n > 0);
  if (!seen.length) return { id, status: 'no data', since: null, page: null, lastChain: null, candidates: [], viewsSince: 0, expected: 0 };
  const judged = seen.map((p) => ({ p, ...judgePage(p, rules) }));
  const broken = judged.filter((j) => j.broken).sort((a, b) => b.expected - a.expected || (a.p.page < b.p.page ? -1 : 1))[0];
  if (broken) {
    const { p } = broken;
    return {
      id, status: 'broken', since: p.matches.last, page: p.page, lastChain: p.lastChain,
      candidates: rankCandidates(p.others, p.lastChain, p.matches.last, rules.candidates),
      viewsSince: broken.viewsSince, expected: broken.expected,
    };
  }
  const latest = judged.sort((a, b) => b.p.matches.last - a.p.matches.last || (a.p.page < b.p.page ? -1 : 1))[0];
  return { id, status: 'ok', since: null, page: latest.p.page, lastChain: latest.p.lastChain, candidates: [], viewsSince: latest.viewsSince, expected: latest.expected };
}
