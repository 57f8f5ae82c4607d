// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startCapture } from '../../src/autocapture/capture';
import type { CaptureEvent } from '../../src/events/types';

/**
 * startCapture on a happy-dom page with a fixed clock. happy-dom events are all untrusted (no
 * isTrusted), as events page scripts dispatch are; a "trusted" run marks every event isTrusted
 * before any other listener sees it, so both runs go through the same code with the flag differing.
 */
async function capturePage(html: string, act: (doc: Document) => void, trusted = false, clock = { t: 1_750_000_000_000 }) {
  document.body.innerHTML = html;
  const controller = new AbortController();
  const events: CaptureEvent[] = [];
  const trust = (e: Event) => Object.defineProperty(e, 'isTrusted', { value: true });
  if (trusted) for (const type of ['click', 'change', 'submit']) window.addEventListener(type, trust, { capture: true, signal: controller.signal });
  window.addEventListener('submit', (e) => e.preventDefault(), { signal: controller.signal }); // stay on the page
  const outbox = await startCapture({
    win: window,
    context: { distinctId: 'd1', deviceId: 'dev1', windowId: 'w1' },
    sessions: { load: async () => null, save: () => {}, watch: () => {} },
    send: async (batch) => {
      events.push(...batch);
      return { acknowledged: batch.map((e) => e.uuid), rejected: [] };
    },
    signal: controller.signal,
    now: () => clock.t,
  });
  act(document);
  while (outbox.pending) await outbox.flush();
  controller.abort();
  return events;
}

/** What must agree between two captures of the same interaction. */
const shape = (e: CaptureEvent) => [e.event, e.properties.$event_type, e.properties.$elements_chain, e.properties.$el_text, e.properties.$input_value];
const interactions = (events: CaptureEvent[]) => events.filter((e) => e.event !== '$pageview');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('script-dispatched (untrusted) events are captured like trusted ones, as posthog-js does', () => {
  const $ = (doc: Document, sel: string) => doc.querySelector(sel) as HTMLElement;
  it.each<[string, string, (doc: Document) => void, string[]]>([
    ['element.click() on a button', '<button id="b">Buy</button>', (d) => $(d, '#b').click(), ['$autocapture click']],
    ['element.click() three times in a row is a rage click (all at 0,0)', '<button id="b">Buy</button>',
      (d) => [1, 2, 3].forEach(() => $(d, '#b').click()),
      ['$autocapture click', '$autocapture click', '$rageclick click', '$autocapture click']],
    ['a plain Event("click") (not a mouse event) counts, but never toward a rage click', '<button id="b">Buy</button>',
      (d) => [1, 2, 3].forEach(() => $(d, '#b').dispatchEvent(new Event('click', { bubbles: true }))),
      ['$autocapture click', '$autocapture click', '$autocapture click']],
    ['a framework re-dispatching change on a checkbox', '<input id="c" type="checkbox">',
      (d) => $(d, '#c').dispatchEvent(new Event('change', { bubbles: true })), ['$autocapture change']],
    ['form.requestSubmit()', '<form id="f"><input name="q"><button>Go</button></form>',
      (d) => ($(d, '#f') as HTMLFormElement).requestSubmit(), ['$autocapture submit']],
    ['a click a script sends into Lasso\'s own UI', '<div id="h" data-lasso-ui class="ph-no-capture"></div>',
      (d) => {
        const root = $(d, '#h').attachShadow({ mode: 'open' });
        root.innerHTML = '<button id="in">Save action</button>';
        (root.getElementById('in') as HTMLElement).click();
      }, []],
    ['a scripted click inside ph-no-capture', '<div class="ph-no-capture"><button id="b">Secret</button></div>', (d) => $(d, '#b').click(), []],
    ['a scripted change of an opted-in field records its value', '<input id="v" data-ph-capture-value value="blue">',
      (d) => $(d, '#v').dispatchEvent(new Event('change', { bubbles: true })), ['$autocapture change blue']],
    ['a scripted change of a password field: never its value', '<input id="p" type="password" data-ph-capture-value value="hunter2">',
      (d) => $(d, '#p').dispatchEvent(new Event('change', { bubbles: true })), ['$autocapture change']],
  ])('%s', async (_name, html, act, expected) => {
    const untrusted = interactions(await capturePage(html, act));
    const trusted = interactions(await capturePage(html, act, true));
    const said = (e: CaptureEvent) => [e.event, e.properties.$event_type, e.properties.$input_value].filter(Boolean).join(' ');
    expect(untrusted.map(said)).toEqual(expected);
    expect(untrusted.map(shape)).toEqual(trusted.map(shape));
  });
});

describe('the client rate limit on a page (posthog-js: burst 100, 10/s, one warning)', () => {
  /** Clicks `#b` at `count` distinct points (no rage clicks), `from` the x position given. */
  const clicks = (doc: Document, count: number, from = 0) => {
    for (let i = 0; i < count; i++) {
      doc.getElementById('b')!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: (from + i) * 100 }));
    }
  };

  it('keeps the burst of a flood, stores the warning once, and lets refilled tokens through', async () => {
    const clock = { t: 1_750_000_000_000 };
    const events = await capturePage('<button id="b">Go</button>', (doc) => {
      clicks(doc, 1000);
      clock.t += 1000; // refills 10 tokens
      clicks(doc, 11, 1000);
      window.dispatchEvent(new Event('pagehide')); // its $pageleave finds the bucket empty
    }, false, clock);
    const names = events.map((e) => e.event);
    const warnings = events.filter((e) => e.event === '$$client_ingestion_warning');

    // The $pageview took the first token, so 99 of the flood's clicks are kept; then 10 refilled.
    expect(names).toEqual([
      '$pageview', ...Array(99).fill('$autocapture'), '$$client_ingestion_warning',
      ...Array(10).fill('$autocapture'), '$$client_ingestion_warning',
    ]);
    expect(events.slice(0, 100).map((e) => e.properties.$lib_rate_limit_remaining_tokens)).toEqual(Array.from({ length: 100 }, (_, i) => 99 - i));
    // The first warning reports the drop that started it; the second every drop since: the
    // flood's other 1000 - 99 - 1 clicks and the one that started the second stretch.
    expect(warnings.map((e) => e.properties.$$client_ingestion_warning_message)).toEqual([1, 1000 - 99 - 1 + 1].map((n) =>
      `lasso client rate limited: ${n} event(s) dropped since the last warning, triggered on ${location.origin}${location.pathname}, ` +
      `session ${String(events[0].properties.$session_id)}. Config is set to 10 events per second and 100 events burst limit.`));
    // The warning is an ordinary event of the page otherwise, without a token count.
    expect(warnings[0].properties).toMatchObject({ $window_id: 'w1', $pageview_id: events[0].uuid, $current_url: location.href });
    expect(warnings[0].properties).not.toHaveProperty('$lib_rate_limit_remaining_tokens');
  });
});

describe("Lasso's own window id, which the page cannot choose", () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it.each<[string, () => void, string]>([
    ['no posthog-js on the page', () => {}, 'w1'],
    ['posthog-js ids adopted from the page', () => {
      localStorage.setItem('ph_tok_posthog', JSON.stringify({ distinct_id: 'page-d', $sesid: [0, 'page-s'] }));
      sessionStorage.setItem('ph_tok_window_id', JSON.stringify('other-tabs-window'));
    }, 'other-tabs-window'],
  ])('%s: $window_id follows the page, $lasso_window_id stays Lasso\'s', async (_name, setup, windowId) => {
    setup();
    const events = await capturePage('<button id="b" data-ph-capture-attribute-$lasso_window_id="forged">Buy</button>', (doc) => doc.getElementById('b')!.click());
    expect(events.map((e) => e.event)).toEqual(['$pageview', '$autocapture']);
    for (const e of events) expect(e.properties).toMatchObject({ $window_id: windowId, $lasso_window_id: 'w1' });
  });
});
