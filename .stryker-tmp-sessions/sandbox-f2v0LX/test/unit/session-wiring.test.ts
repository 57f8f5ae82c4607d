// @ts-nocheck
// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCapture, type SessionStore } from '../../src/autocapture/capture';
import { sessionStoreFor } from '../../src/autocapture/run';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/autocapture/session';
import type { CaptureEvent } from '../../src/events/types';

/**
 * Sessions as capture wires them: startCapture in separate windows ("tabs") of one site, sharing
 * the site's session through extension storage (run.ts's store), on one fake clock.
 */
const T0 = 1_750_000_000_000;
const MIN = 60_000;

async function openTab(clock: { t: number }, sessions: SessionStore, windowId: string) {
  const win = new Window({ url: 'https://shop.test/' });
  win.document.body.innerHTML = '<button id="b">Buy</button>';
  const events: CaptureEvent[] = [];
  const controller = new AbortController();
  const outbox = await startCapture({
    win: win as unknown as globalThis.Window,
    context: { distinctId: 'd1', deviceId: 'dev1', windowId },
    sessions,
    send: async (batch) => {
      events.push(...batch);
      return { acknowledged: batch.map((e) => e.uuid), rejected: [] };
    },
    signal: controller.signal,
    now: () => clock.t,
  });
  const flush = async () => {
    while (outbox.pending) await outbox.flush();
  };
  await flush();
  return {
    events,
    /** A click at the clock's time; the event it recorded. */
    async click(): Promise<CaptureEvent> {
      (win.document.getElementById('b') as unknown as HTMLElement).click();
      await flush();
      return events[events.length - 1];
    },
    close: () => controller.abort(),
  };
}

const stored = async () => (await browser.storage.local.get('session:shop.test'))['session:shop.test'] as { id: string; startedAt: number; lastActivityAt: number } | undefined;
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => fakeBrowser.reset());

describe('sessions, wired', () => {
  it('a second tab of the site joins the first tab\'s session; both events carry their own window id', async () => {
    const clock = { t: T0 };
    const one = await openTab(clock, sessionStoreFor('shop.test'), 'w1');
    await settle();
    clock.t += 5 * MIN;
    const two = await openTab(clock, sessionStoreFor('shop.test'), 'w2');
    const [a, b] = [one.events[0], two.events[0]];
    expect(a.event).toBe('$pageview');
    expect(b.properties.$session_id).toBe(a.properties.$session_id);
    expect([a.properties.$window_id, b.properties.$window_id]).toEqual(['w1', 'w2']);
    one.close();
    two.close();
  });

  it('the session is saved on activity (at most every 5 s), with its last activity', async () => {
    const clock = { t: T0 };
    const tab = await openTab(clock, sessionStoreFor('shop.test'), 'w1');
    await settle();
    const first = await stored();
    expect(first).toMatchObject({ startedAt: T0, lastActivityAt: T0 });
    clock.t += 2_000;
    await tab.click();
    await settle();
    expect((await stored())?.lastActivityAt).toBe(T0); // within 5 s of the last save
    clock.t += 4_000;
    await tab.click();
    await settle();
    expect(await stored()).toEqual({ ...first, lastActivityAt: T0 + 6_000 });
    tab.close();
  });

  it.each<[string, number[], boolean]>([
    ['30 min idle exactly: the same session', [SESSION_IDLE_MS], false],
    ['30 min idle and 1 ms: a new session', [SESSION_IDLE_MS + 1], true],
    ['active every 20 min up to exactly 24 h: the same session', Array.from({ length: SESSION_MAX_MS / (20 * MIN) }, () => 20 * MIN), false],
    ['active every 20 min, then 1 ms past 24 h: a new session', [...Array.from({ length: SESSION_MAX_MS / (20 * MIN) }, () => 20 * MIN), 1], true],
  ])('%s', async (_, gaps, rotated) => {
    const clock = { t: T0 };
    const tab = await openTab(clock, sessionStoreFor('shop.test'), 'w1');
    const start = tab.events[0].properties.$session_id;
    let last: CaptureEvent | undefined;
    for (const gap of gaps) {
      clock.t += gap;
      last = await tab.click();
    }
    expect(last!.properties.$session_id !== start).toBe(rotated);
    tab.close();
  });

  it('a new session started in one tab is taken up by the other tab', async () => {
    const clock = { t: T0 };
    const one = await openTab(clock, sessionStoreFor('shop.test'), 'w1');
    const two = await openTab(clock, sessionStoreFor('shop.test'), 'w2');
    const before = one.events[0].properties.$session_id;
    clock.t += SESSION_IDLE_MS + MIN;
    const rotated = await two.click();
    expect(rotated.properties.$session_id).not.toBe(before);
    await settle(); // storage.onChanged reaches the other tab
    clock.t += 1_000;
    const joined = await one.click();
    expect(joined.properties.$session_id).toBe(rotated.properties.$session_id);
    one.close();
    two.close();
  });
});
