// @ts-nocheck
import type { CaptureEvent } from '../../src/events/types';
import { contentWorld, type ContentWorld } from './content-world';
import { autocaptures, expect, gotoCaptured, storedActions, test, waitForStored } from './harness';
import { tabIdOf } from './toolbar-support';

// A page of 127.0.0.1 embeds a frame of localhost (same port, another site). Lasso's capture
// script runs in both; the frame's may speak only for the frame's own origin and may not ask
// for anything the toolbar (top frame only) is served.

type Answer = { res?: unknown; err?: { message: string } };
type PortAnswer = { messages: { type: string; message?: string; reason?: string }[]; disconnected: boolean };

/** Send a protocol message from the frame's content script, as @webext-core/messaging frames it. */
const ask = (world: ContentWorld, type: string, data: unknown): Promise<Answer> =>
  world.run(
    ([type, data]) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } };
      return chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    },
    [type, data] as const,
  );

/** Open a port from the frame's content script and post `first`; answers at the first data message or when the background hangs up. */
const openPort = (world: ContentWorld, name: string, first?: unknown): Promise<PortAnswer> =>
  world.run(
    ([name, first]) =>
      new Promise<PortAnswer>((resolve) => {
        type Port = { onMessage: { addListener(f: (m: never) => void): void }; onDisconnect: { addListener(f: () => void): void }; postMessage(m: unknown): void };
        const { chrome } = globalThis as unknown as { chrome: { runtime: { connect(o: { name: string }): Port } } };
        const port = chrome.runtime.connect({ name });
        const messages: PortAnswer['messages'] = [];
        port.onMessage.addListener((m: PortAnswer['messages'][number]) => {
          messages.push(m);
          if (m.type !== 'error' && m.type !== 'refused') resolve({ messages, disconnected: false });
        });
        port.onDisconnect.addListener(() => resolve({ messages, disconnected: true }));
        if (first !== undefined) port.postMessage(first);
      }),
    [name, first] as const,
  );

let n = 0;
const eventAt = (url: string, host: string): CaptureEvent => ({
  uuid: `0190a0a0-0000-7000-8000-${String(0xf00d00 + n++).padStart(12, '0')}`,
  event: '$autocapture',
  distinct_id: 'forged',
  timestamp: new Date().toISOString(),
  properties: { $current_url: url, $host: host, $event_type: 'click', $elements_chain: 'button:attr__id="outer-btn"' },
});

test('a cross-site frame is refused everything privileged and stores events of its own site only', async ({ ext, site }) => {
  const topSite = new URL(site.url).host;
  const frameSite = `localhost:${new URL(site.url).port}`;
  const frameUrl = `http://${frameSite}/frame.html`;
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  const action = (await popup.evaluate(async (topSite) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res: { id: string } }> } } };
    const steps = [{ event: '$autocapture', selector: '#outer-btn' }];
    return (await chrome.runtime.sendMessage({ id: 1, type: 'actions.save', data: { action: { site: topSite, name: 'Outer click', steps } }, timestamp: Date.now() })).res;
  }, topSite)) as { id: string };

  const page = await ext.context.newPage();
  const topUrl = `${site.url}/cross-frame.html?frame=${encodeURIComponent(frameUrl)}`;
  await gotoCaptured(ext, page, topUrl);
  await page.locator('#outer-btn').click();
  const before = await waitForStored(ext, (events) => autocaptures(events).some((e) => e.properties.$host === topSite));
  const topDistinctId = before.find((e) => e.properties.$host === topSite)!.distinct_id;
  await expect(page.frameLocator('#cross-frame').locator('#frame-btn')).toBeVisible();
  const frame = page.frames().find((f) => f.url() === frameUrl)!;
  const world = await contentWorld(ext, page, frame);

  // The channel works: the frame's own hello is answered, with ids of its own site.
  const own = await ask(world, 'capture.hello', { url: frameUrl });
  expect(own.err).toBeUndefined();
  expect((own.res as { distinctId: string }).distinctId).not.toBe(topDistinctId);

  const tabId = await tabIdOf(ext, page.url());
  const TOP_ONLY = /refused — only the page's top frame \(where the toolbar lives\) may ask this, not a frame inside it \(http:\/\/localhost:\d+\)/;
  const refusals: [string, unknown, RegExp][] = [
    ['actions.list', { site: topSite }, TOP_ONLY],
    ['actions.list', { site: frameSite }, TOP_ONLY],
    ['actions.listAll', {}, TOP_ONLY],
    ['actions.delete', { id: action.id }, TOP_ONLY],
    ['actions.save', { action: { name: 'Planted', steps: [{ event: '$pageview' }] } }, TOP_ONLY],
    ['actions.export', { site: topSite }, TOP_ONLY],
    ['actions.summary', { site: topSite, url: topUrl }, TOP_ONLY],
    ['heatmap.clicks', { site: topSite, url: topUrl, match: 'path' }, TOP_ONLY],
    ['toolbar.hello', {}, TOP_ONLY],
    ['toolbar.save', { ui: { open: true } }, TOP_ONLY],
    ['toolbar.enableCapture', {}, TOP_ONLY],
    ['store.latestForTab', { tabId, limit: 50 }, /only extension pages may ask this/],
    ['store.stats', { host: topSite }, /only extension pages may ask this/],
    ['capture.hello', { url: topUrl }, /capture\.hello: refused — ".*cross-frame\.html.*" is not of the sending frame's origin http:\/\/localhost:\d+/],
  ];
  const answers: unknown[] = [];
  for (const [type, data, reason] of refusals) {
    const answer = await ask(world, type, data);
    answers.push(answer);
    expect(answer.res, type).toBeUndefined();
    expect(answer.err?.message, type).toMatch(reason);
  }

  // Each port says why and hangs up, before any result, event or count.
  const ports: [string, unknown, unknown][] = [
    ['lasso.preview', { type: 'query', id: 1, actionId: action.id }, { type: 'error', id: -1, message: expect.stringMatching(TOP_ONLY) }],
    ['lasso.toolbar-live', { type: 'since', timestamp: '1970-01-01T00:00:00.000Z' }, { type: 'refused', reason: expect.stringMatching(TOP_ONLY) }],
    ['lasso.toolbar-stored', undefined, { type: 'refused', reason: expect.stringMatching(TOP_ONLY) }],
    ['lasso.live-events', undefined, { type: 'refused', reason: 'lasso.live-events: refused — only extension pages may open it' }],
  ];
  for (const [name, first, refusal] of ports) {
    const answer = await openPort(world, name, first);
    answers.push(answer);
    expect(answer, name).toEqual({ messages: [refusal], disconnected: true });
  }

  // Nothing of the top site came back, and nothing of it changed.
  const leaked = JSON.stringify(answers);
  for (const secret of [action.id, 'Outer click', topDistinctId]) expect(leaked).not.toContain(secret);
  expect((await storedActions(ext)).map((a) => [a.site, a.name])).toEqual([[topSite, 'Outer click']]);

  // Events claiming the top site are rejected one by one, naming why; the frame's own is kept.
  const claimsTop = eventAt(topUrl, topSite);
  const claimsTopHost = eventAt(frameUrl, topSite);
  const ownEvent = eventAt(frameUrl, frameSite);
  const ingest = (await ask(world, 'capture.ingest', { events: [claimsTop, claimsTopHost, ownEvent] })).res as { acknowledged: string[]; rejected: { uuid: string; reason: string }[] };
  expect(ingest.acknowledged).toEqual([ownEvent.uuid]);
  expect(ingest.rejected).toEqual([
    { uuid: claimsTop.uuid, reason: expect.stringMatching(/^\$current_url: ".*" is not of the sending frame's origin http:\/\/localhost:\d+$/) },
    { uuid: claimsTopHost.uuid, reason: `$host: "${topSite}" is not the sending frame's site ${frameSite}` },
  ]);

  // A real click inside the frame is stored under the frame's own site only.
  await page.frameLocator('#cross-frame').locator('#frame-btn').click();
  const events = await waitForStored(ext, (all) => autocaptures(all).some((e) => e.properties.$el_text === 'Inside frame'));
  const inside = autocaptures(events).filter((e) => e.properties.$el_text === 'Inside frame');
  expect(inside.map((e) => [e.properties.$host, e.properties.$current_url])).toEqual([[frameSite, frameUrl]]);
  expect(inside[0].distinct_id).not.toBe(topDistinctId);
  const uuids = new Set(events.map((e) => e.uuid));
  expect([claimsTop.uuid, claimsTopHost.uuid].filter((u) => uuids.has(u))).toEqual([]);
  for (const e of events) expect(new URL(String(e.properties.$current_url)).host, e.event).toBe(e.properties.$host);
  await world.close();
});
