// @ts-nocheck
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { contentWorld, type ContentWorld } from './content-world';
import { openExtensionPage, stored, storedActions, tabIdOf, until, useFirefoxAndSite, type StoredEvent } from './support';

// Issue 9, in Firefox: a page of 127.0.0.1 embeds a frame of localhost (same port, another site,
// another process). Lasso's capture script runs in both; the frame's may speak only for the
// frame's own origin and may not ask for anything the toolbar (top frame only) is served.

const env = useFirefoxAndSite();

/** A stored event with the fields this spec reads beyond support's StoredEvent. */
type Stored = StoredEvent & { uuid: string; distinct_id: string };

type Answer = { res?: unknown; err?: { message: string } };
type PortAnswer = { messages: { type: string; message?: string; reason?: string }[]; disconnected: boolean };

/** Send a protocol message as @webext-core/messaging frames it, from `world` (an extension page or a frame's content script). */
const send = (type: string, data: unknown): Promise<Answer> => {
  const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<Answer> } } };
  return browser.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
};
const ask = (world: ContentWorld, type: string, data: unknown): Promise<Answer> =>
  world.run(([type, data]) => {
    const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<Answer> } } };
    // The answer is copied so that only plain data crosses back to the test.
    return browser.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }).then((a) => JSON.parse(JSON.stringify(a ?? {})) as Answer);
  }, [type, data] as const);

/** Open a port from the frame's content script and post `first`; answers at the first data message or when the background hangs up. */
const openPort = (world: ContentWorld, name: string, first?: unknown): Promise<PortAnswer> =>
  world.run(
    ([name, first]) =>
      new Promise<PortAnswer>((resolve) => {
        type Port = { onMessage: { addListener(f: (m: never) => void): void }; onDisconnect: { addListener(f: () => void): void }; postMessage(m: unknown): void };
        const { browser } = globalThis as unknown as { browser: { runtime: { connect(o: { name: string }): Port } } };
        const port = browser.runtime.connect({ name });
        const messages: PortAnswer['messages'] = [];
        const done = (disconnected: boolean) => resolve(JSON.parse(JSON.stringify({ messages, disconnected })) as PortAnswer);
        port.onMessage.addListener((m: PortAnswer['messages'][number]) => {
          messages.push(m);
          if (m.type !== 'error' && m.type !== 'refused') done(false);
        });
        port.onDisconnect.addListener(() => done(true));
        if (first !== undefined) port.postMessage(first);
      }),
    [name, first] as const,
  );

let n = 0;
const eventAt = (url: string, host: string) => ({
  uuid: `0190a0a0-0000-7000-8000-${String(0xf00d00 + n++).padStart(12, '0')}`,
  event: '$autocapture',
  distinct_id: 'forged',
  timestamp: new Date().toISOString(),
  properties: { $current_url: url, $host: host, $event_type: 'click', $elements_chain: 'button:attr__id="outer-btn"' },
});

const clicksIn = (events: StoredEvent[], text: string) => (events as Stored[]).filter((e) => e.event === '$autocapture' && e.properties.$el_text === text);

/** A real (BiDi input) click on `selector` in the frame at `frameUrl` of `page`. */
async function clickInFrame(page: Page, frameUrl: string, selector: string): Promise<void> {
  const frame = await until(async () => page.frames().find((f) => f.url() === frameUrl), `no frame at ${frameUrl}`);
  const button = await until(() => frame.$(selector), `no ${selector} in ${frameUrl}`);
  await button.click();
}

test('Firefox: a cross-site frame is refused everything privileged and its clicks are stored under its own site', async () => {
  const topSite = new URL(env.site.url).host;
  const frameSite = `localhost:${new URL(env.site.url).port}`;
  const frameUrl = `http://${frameSite}/frame.html`;
  const ext = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
  const saved = await ext.evaluate(send, 'actions.save', { action: { site: topSite, name: 'Outer click', steps: [{ event: '$autocapture', selector: '#outer-btn' }] } });
  const action = saved.res as { id: string };
  expect(action.id).toEqual(expect.any(String));

  const page = await env.ff.browser.newPage();
  const topUrl = `${env.site.url}/cross-frame.html?frame=${encodeURIComponent(frameUrl)}`;
  await page.goto(topUrl);
  await (await page.$('#outer-btn'))!.click();
  const topClick = await until(async () => clicksIn(await stored(ext), 'Outside frame')[0], 'the click on the top page was not stored');
  const topDistinctId = topClick.distinct_id;
  expect(topClick.properties.$host).toBe(topSite);

  await until(async () => (await page.frames().find((f) => f.url() === frameUrl)?.$('#frame-btn')) ?? null, 'the cross-site frame never loaded');
  const tabId = await tabIdOf(ext, page.url());
  const world = await contentWorld(ext, tabId, frameUrl);
  expect(world.frameId).not.toBe(0);

  // The channel works: the frame's own hello is answered, with ids of its own site.
  const own = await ask(world, 'capture.hello', { url: frameUrl });
  expect(own.err).toBeUndefined();
  expect((own.res as { distinctId: string }).distinctId).not.toBe(topDistinctId);

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
  await clickInFrame(page, frameUrl, '#frame-btn');
  const inside = await until(async () => {
    const found = clicksIn(await stored(ext), 'Inside frame');
    return found.length ? found : null;
  }, 'the click inside the frame was not stored');
  expect(inside.map((e) => [e.properties.$host, e.properties.$current_url])).toEqual([[frameSite, frameUrl]]);
  expect(inside[0].distinct_id).not.toBe(topDistinctId);
  const all = (await stored(ext)) as Stored[];
  expect(all.map((e) => e.uuid).filter((u) => u === claimsTop.uuid || u === claimsTopHost.uuid)).toEqual([]);
  for (const e of all) expect(new URL(String(e.properties.$current_url)).host, e.event).toBe(e.properties.$host);
});
