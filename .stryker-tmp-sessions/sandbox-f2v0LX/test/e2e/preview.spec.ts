// @ts-nocheck
import type { ActionStep } from '../../src/actions/types';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { bruteForcePreview } from '../support/brute-force';
import { previewThroughPort, seedThroughExtensionPage } from '../support/seed';
import { expect, test } from './harness';

// 20k keeps `npm test` quick (seeding runs at ~500 events/s); `npm run bench` times 100k.
const COUNT = Number(process.env.PREVIEW_EVENTS ?? 20_000);
const NOW = GENERATOR_NOW - 17 * 60_000;

const ACTIONS: [string, ActionStep[]][] = [
  ['add to cart (selector)', [{ event: '$autocapture', selector: 'div.card > button[data-attr="add-to-cart"]' }]],
  ['product pageviews (url)', [{ event: '$pageview', url: '/product?id=1%', url_matching: 'contains' }]],
  ['pro signups (event property: fallback scan)', [{ event: 'signed_up', properties: [{ key: 'plan', value: 'pro' }] }]],
];

test(`preview over ${COUNT} stored events equals brute force; prints timings`, async ({ ext }) => {
  test.setTimeout(20 * 60_000);
  const events = generateEvents({ count: COUNT, seed: 2026 });
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/popup.html`);

  const t0 = Date.now();
  expect(await seedThroughExtensionPage(page, events)).toBe(COUNT);
  const seedMs = Date.now() - t0;
  console.log(`seeded ${COUNT} events through store.import in ${(seedMs / 1000).toFixed(1)} s (${Math.round(COUNT / (seedMs / 1000))} events/s, index included)`);

  for (const [name, steps] of ACTIONS) {
    const query = { action: { steps }, site: 'shop.test', now: NOW, tzOffsetMinutes: 60, latest: 50 };
    const first = await previewThroughPort(page, query);
    const again = await previewThroughPort(page, query);
    const want = bruteForcePreview(events, { steps }, { now: NOW, site: 'shop.test', tzOffsetMinutes: 60 });
    for (const { result } of [first, again]) {
      expect({ windows: result.windows, perDay: result.perDay, latest: result.latest.map((e) => e.uuid) }).toEqual(want);
    }
    const s = again.result.stats;
    console.log(
      `preview "${name}" (all windows + per-day + latest 50) over ${COUNT}: first ${first.ms.toFixed(0)} ms, again ${again.ms.toFixed(0)} ms` +
        ` [background: select ${s.selectMs.toFixed(0)} ms, index ${s.indexMs.toFixed(0)} ms ${JSON.stringify(s.indexPhases, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}, scan ${s.scanMs.toFixed(0)} ms; ${s.exactSeries} exact series, ${s.candidateSeries} scanned series / ${s.candidateEvents} events; matches: ${want.windows.all}]`,
    );
  }
});

test('actions CRUD and preview of a saved action through messages, with field-named errors', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/popup.html`);
  const events = generateEvents({ count: 2000, seed: 5 });
  await seedThroughExtensionPage(page, events);
  const send = (type: string, data: unknown) =>
    page.evaluate(
      async ([type, data]) => {
        const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string; problems?: unknown } }> } } };
        return chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      },
      [type, data] as const,
    );
  const steps: ActionStep[] = [{ event: '$autocapture', selector: '.card button', text: 'Sign up' }];
  const refused = await send('actions.save', { action: { site: 'shop.test', name: 'Sign up', steps: [{ selector: 'a ~ b' }] } });
  expect(refused.err?.problems).toEqual([expect.objectContaining({ path: 'steps[0].selector' })]);
  const saved = (await send('actions.save', { action: { site: 'shop.test', name: 'Sign up', steps } })).res as { id: string };
  const dup = await send('actions.save', { action: { site: 'shop.test', name: 'SIGN UP', steps } });
  expect(dup.err?.problems).toEqual([expect.objectContaining({ path: 'name' })]);
  expect(((await send('actions.list', { site: 'shop.test' })).res as { id: string }[]).map((a) => a.id)).toEqual([saved.id]);
  expect((await send('actions.list', {})).err?.message).toContain('site:');

  const { result } = await previewThroughPort(page, { actionId: saved.id, now: NOW });
  const want = bruteForcePreview(events, { steps }, { now: NOW, site: 'shop.test' });
  expect({ windows: result.windows, perDay: result.perDay, latest: result.latest.map((e) => e.uuid) }).toEqual(want);
  expect(want.windows.all).toBeGreaterThan(0);

  expect((await send('actions.delete', { id: saved.id })).res).toEqual({ deleted: true });
  expect((await send('actions.list', { site: 'shop.test' })).res).toEqual([]);
});
