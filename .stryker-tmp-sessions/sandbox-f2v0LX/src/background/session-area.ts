// @ts-nocheck
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../identity/identity';

/**
 * storage.session where the browser has it (Chrome MV3, Firefox 115+): window ids must outlive
 * a stopped service worker but not the browser session. Memory otherwise (a persistent
 * background page keeps it for the session anyway).
 */
export function sessionArea(): KeyValueArea {
  const area = (browser.storage as { session?: KeyValueArea }).session;
  if (area) return area;
  const memory = new Map<string, unknown>();
  return {
    get: async (key) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => memory.set(k, v)),
  };
}
