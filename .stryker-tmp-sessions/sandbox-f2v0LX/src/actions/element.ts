// @ts-nocheck
import { captureElements } from '../autocapture/elements';
import { serializeElementsChain } from '../events/elements-chain';
import type { CaptureEvent } from '../events/types';

/**
 * The `$autocapture` event a click on a live element would record, as far as it can be known
 * from the element alone. `matchesElement` runs the compiled action on it, so the page preview
 * and the stored-event preview use the same code and agree.
 *
 * - The chain is built by autocapture's own builder and goes through the same serialize → parse
 *   path a stored event does (the parse is cached by chain string).
 * - Properties: `$current_url`, `$host`, `$pathname` (the element's document), `$event_type`
 *   'click', `$el_text`, `$elements_chain`, and `data-ph-capture-attribute-*` values. Anything
 *   else (browser, session, properties registered by the site's own code) cannot be known from
 *   an element, so it counts as missing: positive filters on it fail, negative ones hold.
 * - Whether autocapture would actually fire for this click (interactive element, ph-no-capture)
 *   is not considered: the question is whether the element fits the action.
 */
/** The last document URL parsed: previews build events for thousands of elements of one page. */
let lastUrl: { href: string; host: string; pathname: string } = { href: '', host: '', pathname: '' };

function urlParts(href: string): { host: string; pathname: string } {
  if (href === lastUrl.href) return lastUrl;
  let host = '';
  let pathname = '';
  try {
    const u = new URL(href);
    host = u.host;
    pathname = u.pathname;
  } catch {
    // about:blank-like documents have no host; leave them empty.
  }
  lastUrl = { href, host, pathname };
  return lastUrl;
}

export function eventForClickOn(element: Element): CaptureEvent {
  const captured = captureElements(element, true);
  const href = element.ownerDocument?.URL ?? '';
  const { host, pathname } = urlParts(href);
  return {
    uuid: '',
    event: '$autocapture',
    distinct_id: '',
    timestamp: new Date().toISOString(),
    properties: {
      ...captured.properties,
      $current_url: href,
      $host: host,
      $pathname: pathname,
      $event_type: 'click',
      $el_text: captured.text,
      $elements_chain: serializeElementsChain(captured.elements),
    },
  };
}
