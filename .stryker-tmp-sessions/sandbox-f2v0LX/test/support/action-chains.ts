// @ts-nocheck
// Shared builders for the actions-* unit tests (not a test file itself).
import { serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent, ChainElement } from '../../src/events/types';

/** A chain element as autocapture writes it: classes from the class attribute, attr_id from the id. */
export function node(tag: string, o: { attrs?: Record<string, string>; nth?: [number, number]; text?: string; href?: string } = {}): ChainElement {
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.attrs ?? {})) attributes['attr__' + k] = v;
  const el: ChainElement = {
    tag_name: tag,
    attr_class: (o.attrs?.class ?? '').split(/\s+/).filter(Boolean).sort(),
    nth_child: o.nth?.[0] ?? 1,
    nth_of_type: o.nth?.[1] ?? 1,
    attributes,
  };
  if (o.attrs?.id) el.attr_id = o.attrs.id;
  if (o.text) el.text = o.text;
  const href = o.href ?? o.attrs?.href;
  if (href) {
    el.href = href;
    attributes.attr__href = href;
  }
  return el;
}

/** An event whose chain is `elements` (serialized, as stored). */
export function event(elements: ChainElement[] | null, over: Partial<CaptureEvent> & { props?: Record<string, unknown> } = {}): CaptureEvent {
  const properties: Record<string, unknown> = { $current_url: 'https://shop.test/pricing?plan=pro', ...(over.props ?? {}) };
  if (elements) properties.$elements_chain = serializeElementsChain(elements);
  return { uuid: 'u', event: over.event ?? '$autocapture', distinct_id: 'd', timestamp: '2024-05-08T12:00:00Z', properties };
}

/**
 * The main fixture: a click on a span inside a sign-up button.
 *   body > main:nth-child(2) > div.card:nth-child(5)(4th div) > form.signup-form:nth-child(2)
 *     > button#go.btn.btn-primary.md:flex.w-1/2:nth-child(3)(2nd button) > span.label:first-child
 */
export const SIGNUP: ChainElement[] = [
  node('span', { attrs: { class: 'label' }, text: 'Sign up' }),
  node('button', {
    attrs: { id: 'go', class: 'btn btn-primary md:flex w-1/2', type: 'submit', 'data-track': 'sign up', lang: 'en-US', 'aria-label': 'Go now' },
    nth: [3, 2], text: 'Sign up',
  }),
  node('form', { attrs: { class: 'signup-form', 'data-x': '' }, nth: [2, 1] }),
  node('div', { attrs: { class: 'card' }, nth: [5, 4] }),
  node('main', { nth: [2, 1] }),
  node('body', { nth: [2, 1] }),
];

/** Nested blocks for backtracking: span < div.b < section < div.b < div.a < body. */
export const NESTED: ChainElement[] = [
  node('span'),
  node('div', { attrs: { class: 'b' } }),
  node('section'),
  node('div', { attrs: { class: 'b' }, nth: [2, 2] }),
  node('div', { attrs: { class: 'a' } }),
  node('body', { nth: [2, 1] }),
];

/** A click on a <strong> inside a link: posthog-js copies the link's href onto the clicked element. */
export const LINK: ChainElement[] = [
  node('strong', { href: '/product/1' }),
  node('a', { attrs: { class: 'product-link', href: '/product/1' } }),
  node('body', { nth: [2, 1] }),
];
