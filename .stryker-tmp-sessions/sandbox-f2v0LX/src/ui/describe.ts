// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { parseElementsChain } from '../events/elements-chain';

/**
 * The page path of an event with its hash, so hash-routed apps show their route (`/#/cart`):
 * from `$current_url`, else `$pathname`.
 */
export function pagePath(properties: CaptureEvent['properties']): string {
  if (typeof properties.$current_url === 'string') {
    try {
      const u = new URL(properties.$current_url);
      return `${u.pathname}${u.hash}`;
    } catch {
      // not a URL: fall back to the path alone
    }
  }
  return typeof properties.$pathname === 'string' ? properties.$pathname : '';
}

/**
 * One line saying what an event was about: a page view's path (with its hash route); else element
 * text, else its aria-label or title (icon buttons), else a short selector of the clicked element
 * (tag#id.class), else the page path.
 */
export function describeEvent(event: CaptureEvent): string {
  const p = event.properties;
  if (event.event === '$pageview' || event.event === '$pageleave') return pagePath(p);
  if (typeof p.$el_text === 'string' && p.$el_text.trim()) return p.$el_text.trim().slice(0, 80);
  if (typeof p.$elements_chain === 'string' && p.$elements_chain) {
    const [el] = parseElementsChain(p.$elements_chain);
    if (el) {
      const label = el.attributes['attr__aria-label'] ?? el.attributes.attr__title;
      if (label) return label.slice(0, 80);
      const id = el.attr_id ? `#${el.attr_id}` : '';
      const cls = el.attr_class.slice(0, 2).map((c: string) => `.${c}`).join('');
      return `${el.tag_name}${id}${cls}`;
    }
  }
  return pagePath(p);
}

const LABELS: Record<string, string> = { $pageview: 'pageview', $pageleave: 'pageleave', $rageclick: 'rage click', $autocapture: 'autocapture' };

/**
 * A short kind for an event: an autocapture's `$event_type` (click, change, submit — one
 * `$autocapture` name covers all three), else a readable name for PostHog's own events, else the
 * event's name (custom events).
 */
export function eventLabel(event: CaptureEvent): string {
  const type = event.properties.$event_type;
  if (event.event === '$autocapture' && typeof type === 'string' && type) return type;
  return LABELS[event.event] ?? event.event;
}

/**
 * An event as key/value rows for display: its name, time and distinct id, then its properties by
 * name; values that are not strings as JSON (so `null`, numbers and objects read unambiguously).
 */
export function propertyRows(event: CaptureEvent): [string, string][] {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
  const props = Object.keys(event.properties)
    .sort()
    .map((k): [string, string] => [k, show(event.properties[k])]);
  return [['event', event.event], ['timestamp', event.timestamp], ['distinct_id', event.distinct_id], ...props];
}
