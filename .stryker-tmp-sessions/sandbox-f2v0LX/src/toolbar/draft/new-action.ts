// @ts-nocheck
import { emptyDraft } from './convert';
import { eventStep, pageviewStep } from './steps';
import type { Draft } from './types';

/** What "New action" in the saved list can start from without picking an element. */
export type NewActionStart = 'pageview' | 'event';

/**
 * The URL a new page-view action looks for: the page's origin and path, plus a hash route
 * (`#/cart`, `#!/cart`: hash routers keep one document for every screen); the query and a plain
 * `#anchor` are left out, since they vary between visits of the same screen. '' for a URL that
 * does not parse.
 */
export function pageUrlPattern(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '';
  }
  const hashRoute = /^#!?\//.test(u.hash) ? u.hash.replace(/\?.*$/, '') : '';
  return `${u.origin}${u.pathname}${hashRoute}`;
}

/**
 * The draft "New action" starts: a `$pageview` step whose URL contains this page's pattern, or
 * a custom event step whose name the user fills in.
 */
export function newActionDraft(start: NewActionStart, site: string, pageUrl: string): Draft {
  const step = start === 'pageview' ? pageviewStep(pageUrlPattern(pageUrl), 'contains') : eventStep('');
  return { ...emptyDraft(site), steps: [step] };
}
