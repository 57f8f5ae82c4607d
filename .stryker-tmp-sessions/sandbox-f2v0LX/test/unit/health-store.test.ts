// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createHealthCache, HEALTH_CACHE_MS, siteHealth } from '../../src/health/health';
import { saveAction } from '../../src/store/actions';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { CHAINS, generateMarkupChange, pagesOf, type MarkupChangeOptions } from '../fixtures/markup-change';

const ORIGIN = 'https://shop.test';
const START = Date.UTC(2026, 10, 1);
const BASE: MarkupChangeOptions = { origin: ORIGIN, start: START, days: 14, changeDay: 9, viewsPerDay: 20, clickRate: 0.5 };

/** A store holding the generated history and three actions: checkout (its markup changes), help (never changes), and one that never matched. */
async function seeded(options: Partial<MarkupChangeOptions> = {}): Promise<{ db: LassoDatabase; events: ReturnType<typeof generateMarkupChange>; ids: Record<string, string> }> {
  const db = await openLassoDB(new IDBFactory());
  const events = generateMarkupChange({ ...BASE, ...options });
  for (let i = 0; i < events.length; i += 500) await ingestEvents(db, events.slice(i, i + 500));
  const save = async (name: string, selector: string) => (await saveAction(db, { site: 'shop.test', name, steps: [{ event: '$autocapture', selector }] })).id;
  const ids = { checkout: await save('Checkout', 'button[data-attr="checkout"]'), help: await save('Help', 'a[href="/help"]'), never: await save('Never', '#nothing-here') };
  return { db, events, ids };
}

const byId = async (db: LassoDatabase) => new Map((await siteHealth(db, 'shop.test')).map((h) => [h.id, h]));

describe('action health over a generated history', () => {
  it('flags the action whose markup changed, with when it stopped, its last chain and the new chain as the first candidate', async () => {
    const { db, events, ids } = await seeded();
    const health = await byId(db);
    const lastOld = Math.max(...events.filter((e) => e.properties.$elements_chain === CHAINS.before).map((e) => Date.parse(e.timestamp)));
    expect(health.get(ids.checkout)).toMatchObject({ status: 'broken', page: pagesOf(ORIGIN).checkout, since: lastOld, lastChain: CHAINS.before });
    expect(health.get(ids.checkout)!.candidates[0]).toMatchObject({
      chain: CHAINS.after,
      n: events.filter((e) => e.properties.$elements_chain === CHAINS.after).length,
    });
    // Views since = page views of the checkout page in the hours after its last old click.
    const hourEnd = (Math.floor(lastOld / 3_600_000) + 1) * 3_600_000;
    expect(health.get(ids.checkout)!.viewsSince).toBe(events.filter((e) => e.event === '$pageview' && e.properties.$current_url === pagesOf(ORIGIN).checkout && Date.parse(e.timestamp) >= hourEnd).length);
    expect(health.get(ids.help)).toMatchObject({ status: 'ok', page: pagesOf(ORIGIN).home, candidates: [] });
    expect(health.get(ids.never)).toMatchObject({ status: 'no data', page: null });
  });

  it.each<[string, Partial<MarkupChangeOptions>, string]>([
    ['no change at all', { changeDay: 99 }, 'ok'],
    ['the page is no longer visited from the day it would have changed', { stopVisitsDay: 9 }, 'ok'],
    ['the change on the last day: its 20 views are evidence enough', { changeDay: 14, days: 15, viewsPerDay: 20 }, 'broken'],
    ['low traffic noise: a rare click on a quiet page', { viewsPerDay: 3, clickRate: 0.1 }, 'ok'],
  ])('%s: %s', async (_name, options, status) => {
    const { db, ids } = await seeded(options);
    expect((await byId(db)).get(ids.checkout)!.status).toBe(status);
  });

  it('answers from the cache for a short while, then computes again', async () => {
    const { db, ids } = await seeded({ changeDay: 99 });
    let now = 1_000;
    const cache = createHealthCache(Promise.resolve(db), () => now);
    const first = await cache.get('shop.test');
    expect(first.find((h) => h.id === ids.checkout)!.status).toBe('ok');
    // A day of traffic after the history with the new markup only: the checkout action breaks.
    const later = generateMarkupChange({ ...BASE, start: START + 14 * 86_400_000, days: 1, changeDay: 0, viewsPerDay: 60, seed: 3 });
    await ingestEvents(db, later);
    now += HEALTH_CACHE_MS - 1;
    expect(await cache.get('shop.test')).toBe(first);
    now += 1;
    expect((await cache.get('shop.test')).find((h) => h.id === ids.checkout)!.status).toBe('broken');
  });

  it('judges a newly saved action at once, whatever the cache holds', async () => {
    const { db } = await seeded();
    const cache = createHealthCache(Promise.resolve(db), () => 1_000);
    expect(await cache.get('shop.test')).toHaveLength(3);
    const added = await saveAction(db, { site: 'shop.test', name: 'Help again', steps: [{ event: '$autocapture', selector: 'a[href="/help"]' }] });
    expect((await cache.get('shop.test')).find((h) => h.id === added.id)?.status).toBe('ok');
  });
});
