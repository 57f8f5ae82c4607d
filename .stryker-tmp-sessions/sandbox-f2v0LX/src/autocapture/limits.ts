// @ts-nocheck
import { serializeElementsChain } from '../events/elements-chain';
import type { CaptureEvent, ChainElement } from '../events/types';

/**
 * Size caps, so a page (a 100 KB pushState path, a click on an element with 1,000 long
 * attributes, 1 MB of text) cannot make an event too big to deliver or fill the store. Anything
 * over a cap is truncated, never dropped, and the event lists what was cut in
 * `$lasso_truncated`. See src/autocapture/README.md for each cap and why.
 */

/** Budget for one event as JSON (messages are rejected from 256 KB on; the store refuses them too). */
export const MAX_EVENT_CHARS = 64 * 1024;
/** `$elements_chain`: innermost elements and their attributes first. */
export const MAX_CHAIN_CHARS = 24 * 1024;
/** `$el_text`: posthog-js's cap for element text (`limitText(1024)`); it leaves the event's own uncut. */
export const MAX_TEXT_CHARS = 1024;
/** Any other string property: URLs, paths, title, `data-ph-capture-attribute-*` values. */
export const MAX_STRING_CHARS = 8 * 1024;
/**
 * A chain attribute value. posthog-js cuts them at 1,024, but not the link href it copies to the
 * first element: that one is kept whole up to the URL cap, so chains stay posthog-js's.
 */
export const MAX_ATTRIBUTE_CHARS = 8 * 1024;
/** The marker: names of the properties that were cut. */
export const TRUNCATED_PROPERTY = '$lasso_truncated';
/** Properties an over-budget event keeps (each is capped, so they fit). */
const KEEP = new Set(['$current_url', '$host', '$pathname', '$session_id', '$window_id', '$lasso_window_id', '$device_id', '$event_type', '$lib', TRUNCATED_PROPERTY]);
/** Attributes a chain element keeps when its chain is over budget (what selectors lean on). */
const ESSENTIAL = ['attr__class', 'attr__id', 'attr__href'];
/** Names listed in the marker at most (an event with 1,000 cut attributes must still fit). */
const MAX_MARKED = 20;

const sizeOf = (el: ChainElement): number => serializeElementsChain([el]).length;
const escapes = (s: string): number => s.length - s.replace(/["\\]/g, '').length;

/**
 * `elements` fitted into `max` characters of `$elements_chain`: attribute values over
 * MAX_ATTRIBUTE_CHARS are cut; then, if still too long, outer ancestors go first and each kept
 * element keeps its class, id and href plus as many other attributes as fit, innermost first.
 */
export function fitChain(elements: readonly ChainElement[], max = MAX_CHAIN_CHARS): { elements: ChainElement[]; cut: boolean } {
  let cut = false;
  const capped = elements.map((el) => {
    const long = Object.keys(el.attributes).filter((k) => el.attributes[k].length > MAX_ATTRIBUTE_CHARS);
    if (!long.length) return el;
    cut = true;
    const attributes = { ...el.attributes };
    for (const k of long) attributes[k] = attributes[k].slice(0, MAX_ATTRIBUTE_CHARS);
    return { ...el, attributes };
  });
  const full = capped.map(sizeOf);
  if (full.reduce((a, b) => a + b + 1, -1) <= max) return { elements: capped, cut };
  const bare = capped.map((el) => ({
    ...el,
    attributes: Object.fromEntries(ESSENTIAL.filter((k) => k in el.attributes).map((k) => [k, el.attributes[k]])),
  }));
  const bareSize = bare.map(sizeOf);
  let used = -1;
  let kept = 0;
  while (kept < bare.length && used + 1 + bareSize[kept] <= max) used += 1 + bareSize[kept++];
  const out = bare.slice(0, kept);
  for (let i = 0; i < kept; i++) {
    if (used - bareSize[i] + full[i] <= max) {
      out[i] = capped[i];
      used += full[i] - bareSize[i];
      continue;
    }
    for (const [k, v] of Object.entries(capped[i].attributes)) {
      const extra = k.length + v.length + 3 + escapes(k) + escapes(v);
      if (k in out[i].attributes || used + extra > max) continue;
      out[i].attributes[k] = v;
      used += extra;
    }
  }
  return { elements: serializeElementsChain(out).length <= max ? out : bare.slice(0, kept), cut: true };
}

/**
 * Applies the caps to `event` in place and returns it: `$el_text` and other strings are cut to
 * their caps; an event still over MAX_EVENT_CHARS loses its largest properties (cut, or removed
 * when not a string) until it fits, except the ones that say where and when it happened. Cut
 * property names join those already in `$lasso_truncated` (set by the chain's fitting).
 */
export function limitEvent(event: CaptureEvent, max = MAX_EVENT_CHARS): CaptureEvent {
  const props = event.properties;
  const marked = props[TRUNCATED_PROPERTY];
  const cut: string[] = Array.isArray(marked) ? marked.filter((k): k is string => typeof k === 'string') : [];
  for (const [key, value] of Object.entries(props)) {
    const cap = key === '$el_text' ? MAX_TEXT_CHARS : MAX_STRING_CHARS;
    if (typeof value === 'string' && key !== '$elements_chain' && value.length > cap) {
      props[key] = value.slice(0, cap);
      cut.push(key);
    }
  }
  // Room kept for the marker itself.
  const budget = max - 2 * 1024;
  let size = JSON.stringify(event).length;
  if (size > budget) {
    const sizes = Object.keys(props)
      .filter((k) => !KEEP.has(k))
      .map((k) => [k, JSON.stringify(props[k])?.length ?? 0] as const)
      // Largest first; the chain (already fitted to its own budget) only as a last resort.
      .sort((a, b) => Number(a[0] === '$elements_chain') - Number(b[0] === '$elements_chain') || b[1] - a[1]);
    for (const [key, length] of sizes) {
      if (size <= budget) break;
      const value = props[key];
      if (typeof value === 'string' && key !== '$elements_chain' && value.length > MAX_TEXT_CHARS) {
        props[key] = value.slice(0, MAX_TEXT_CHARS);
        size -= length - JSON.stringify(props[key]).length;
      } else {
        delete props[key];
        size -= length + JSON.stringify(key).length + 2;
      }
      cut.push(key);
    }
  }
  if (cut.length) {
    const names = [...new Set(cut)].map((k) => k.slice(0, 100));
    props[TRUNCATED_PROPERTY] = names.length > MAX_MARKED ? [...names.slice(0, MAX_MARKED), `+${names.length - MAX_MARKED} more`] : names;
  } else delete props[TRUNCATED_PROPERTY]; // a page's capture attribute may not claim a cut
  return event;
}
