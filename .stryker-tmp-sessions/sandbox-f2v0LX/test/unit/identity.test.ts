// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { captureContextFor, rememberTabWindows, tabWindows, type KeyValueArea } from '../../src/identity/identity';

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea {
  const data = new Map(Object.entries(initial));
  return {
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
  };
}

describe('capture identity', () => {
  it('keeps one device/distinct id per site and one window id per tab and site', async () => {
    const areas = { local: memoryArea(), session: memoryArea() };
    let n = 0;
    const newId = () => `id-${++n}`;
    const a1 = await captureContextFor('shop.test', 1, areas, newId);
    const a1again = await captureContextFor('shop.test', 1, areas, newId);
    const a2 = await captureContextFor('shop.test', 2, areas, newId);
    const b1 = await captureContextFor('other.test', 1, areas, newId);
    expect(a1again).toEqual(a1);
    expect(a2.distinctId).toBe(a1.distinctId); // same site, other tab: same person
    expect(a2.windowId).not.toBe(a1.windowId);
    expect(b1.distinctId).not.toBe(a1.distinctId); // ids are per site
  });

  it('replaces a corrupted stored identity instead of using it', async () => {
    const areas = { local: memoryArea({ 'identity:shop.test': { deviceId: 5 } }), session: memoryArea() };
    const ctx = await captureContextFor('shop.test', 1, areas, () => 'fresh');
    expect(ctx).toEqual({ deviceId: 'fresh', distinctId: 'fresh', windowId: 'fresh' });
  });

  it('remembers the window ids a tab used, newest 20', async () => {
    const session = memoryArea();
    await rememberTabWindows(7, ['w1', 'w2'], session);
    await rememberTabWindows(7, ['w2', 'w3'], session);
    expect(await tabWindows(7, session)).toEqual(['w1', 'w2', 'w3']);
    await rememberTabWindows(7, Array.from({ length: 30 }, (_, i) => `x${i}`), session);
    expect(await tabWindows(7, session)).toHaveLength(20);
    expect(await tabWindows(8, session)).toEqual([]);
  });
});
