/**
 * Caps for imported files. They keep a hostile or corrupt file from exhausting memory or the
 * UI, and they are generous for real use: PostHog's own column limits where one exists
 * (name 400), otherwise far above anything a person writes by hand.
 */
// @ts-nocheck

export const LIMITS = {
  /** Characters in the whole file (about 32 MiB of ASCII). */
  fileChars: 32 * 1024 * 1024,
  /** Actions in one file. */
  actions: 10_000,
  /** Steps in one action; steps are OR-ed, so more is never needed in practice. */
  steps: 100,
  /** Property filters in one step. */
  properties: 100,
  /** Values in one property filter's list value. */
  listValues: 1_000,
  tags: 100,
  /** Characters per field. */
  name: 400,
  description: 10_000,
  tag: 255,
  event: 400,
  selector: 10_000,
  text: 10_000,
  href: 10_000,
  url: 10_000,
  tagName: 100,
  propertyKey: 400,
  propertyValue: 10_000,
} as const;

/** Keys that could reach an object's prototype if ever copied with plain assignment. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
