// @ts-nocheck
import { parseElementsChain } from '../events/elements-chain';
import type { ActionHealth } from '../health/decide';

/** An element of a chain in a few words: tag, classes, its text and its data attributes (`button.btn "Checkout" data-attr=checkout-v2`). */
export function describeChain(chain: string | null): string {
  if (!chain) return 'no element';
  let el;
  try {
    [el] = parseElementsChain(chain);
  } catch {
    return chain.slice(0, 80);
  }
  if (!el) return chain.slice(0, 80);
  const head = `${el.tag_name}${el.attr_id ? `#${el.attr_id}` : ''}${el.attr_class.slice(0, 2).map((c) => `.${c}`).join('')}`;
  const text = el.text ? ` "${el.text.slice(0, 40)}"` : '';
  const data = Object.entries(el.attributes)
    .filter(([k]) => k.startsWith('attr__data-'))
    .slice(0, 2)
    .map(([k, v]) => ` ${k.slice(6)}=${v}`)
    .join('');
  return `${head}${text}${data}`;
}

/** The path of a page key (origin + path) for display; the key itself when it is no URL. */
export function pathOf(page: string): string {
  try {
    return new URL(page).pathname;
  } catch {
    return page;
  }
}

/** What a broken action's badge says when asked: where it stopped and since when. */
export function brokenText(h: ActionHealth, locale = 'en'): string {
  const when = h.since === null ? '' : ` since ${new Date(h.since).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}`;
  return `No match on ${h.page ? pathOf(h.page) : 'its page'}${when}, though ${h.viewsSince.toLocaleString(locale)} page views would have brought about ${Math.round(h.expected).toLocaleString(locale)}. Its last element there: ${describeChain(h.lastChain)}.`;
}
