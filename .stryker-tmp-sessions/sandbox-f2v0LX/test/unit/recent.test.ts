// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { latestForTab } from '../../src/background/recent';
import type { CaptureEvent } from '../../src/events/types';
import { rememberTabWindows, type KeyValueArea } from '../../src/identity/identity';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB } from '../../src/store/schema';

function memoryArea(): KeyValueArea {
  const data = new Map<string, unknown>();
  return {
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
  };
}

let n = 0;
/** An event of the tab whose Lasso window is `lasso`, filed by the page under `$window_id` `page`. */
const ev = (lasso: string, page: string): CaptureEvent => ({
  uuid: `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  event: '$autocapture', distinct_id: 'd', timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  properties: { $window_id: page, $lasso_window_id: lasso, $host: 'shop.test' },
});

describe("a tab's latest events (popup list, toolbar catch-up) go by Lasso's window id", () => {
  it.each<[string, CaptureEvent[], CaptureEvent[]]>([
    ['tab 2 claims tab 1\'s window id as its posthog $window_id', [ev('lw1', 'lw1')], [ev('lw2', 'lw1')]],
    ['both tabs adopt the same posthog window id', [ev('lw1', 'ph'), ev('lw1', 'ph')], [ev('lw2', 'ph')]],
  ])('%s: each list holds its own tab only', async (_name, tab1, tab2) => {
    const db = openLassoDB(new IDBFactory());
    const session = memoryArea();
    await ingestEvents(await db, [...tab1, ...tab2]);
    await rememberTabWindows(1, ['lw1'], session);
    await rememberTabWindows(2, ['lw2'], session);
    const uuids = (events: CaptureEvent[]) => events.map((e) => e.uuid).sort();
    expect(uuids(await latestForTab(db, session, 1, 50))).toEqual(uuids(tab1));
    expect(uuids(await latestForTab(db, session, 2, 50))).toEqual(uuids(tab2));
  });
});
