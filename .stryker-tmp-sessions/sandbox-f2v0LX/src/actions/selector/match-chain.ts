// @ts-nocheck
import type { ChainElement } from '../../events/types';

/**
 * A parsed chain laid out for fast selector matching. Matching many events is memory-bound:
 * touching every chain element object (and its tag string) costs a cache miss each. So tag names
 * become small integers and class lists a 32-bit signature per element, in two typed arrays;
 * the element objects are only read when those quick checks pass.
 */
export interface MatchChain {
  els: readonly ChainElement[];
  /** Number of elements. */
  n: number;
  /**
   * SLOTS slots per element, side by side so one memory read serves them: `[S*i]` the interned id
   * of its lower-cased tag (-1 when the intern table was full); `[S*i + 1]` one bit per class name
   * (bit = hash % 32), so a class a selector needs whose bit is unset is certainly absent;
   * `[S*i + 2]` flags (MIXED_CASE_KEYS, UNINTERNED_CLASS); `[S*i + 3]`, `[S*i + 4]` the range of
   * `packed` holding the interned ids of its classes (stored after the n * SLOTS element slots).
   */
  packed: Int32Array;
}

/** Slots per element in `packed`. */
export const SLOTS = 5;
/** Flag: some attribute name has upper-case letters (SVG `viewBox`), so lookups must fold case. */
export const MIXED_CASE_KEYS = 1;
/** Flag: a class name could not be interned (table full): compare class strings for this element. */
export const UNINTERNED_CLASS = 2;

const MAX_TAGS = 4096;
const tagIds = new Map<string, number>();
// Bounded so that hostile chains cannot grow it without limit; past it, strings are compared.
const MAX_CLASSES = 65536;
const classIds = new Map<string, number>();

/** The intern id of a class name; -1 once the table is full. */
export function classId(name: string): number {
  let id = classIds.get(name);
  if (id === undefined) {
    if (classIds.size >= MAX_CLASSES) return -1;
    id = classIds.size;
    classIds.set(name, id);
  }
  return id;
}

/** The intern id of a lower-cased tag name; -1 (compare the strings) once the table is full. */
export function tagId(lower: string): number {
  let id = tagIds.get(lower);
  if (id === undefined) {
    if (tagIds.size >= MAX_TAGS) return -1;
    id = tagIds.size;
    tagIds.set(lower, id);
  }
  return id;
}

/** The signature bit of one class name. */
export function classBit(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return 1 << (h & 31);
}

function hasUpperCaseKey(attributes: Record<string, string>): boolean {
  for (const k in attributes) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (c >= 65 && c <= 90) return true;
    }
  }
  return false;
}

/** Builds the fast layout of a chain (once per chain; cached by chain-cache). */
export function toMatchChain(els: readonly ChainElement[]): MatchChain {
  let total = 0;
  for (let i = 0; i < els.length; i++) total += els[i].attr_class.length;
  const packed = new Int32Array(els.length * SLOTS + total);
  let next = els.length * SLOTS;
  for (let i = 0; i < els.length; i++) {
    const at = SLOTS * i;
    packed[at] = tagId(els[i].tag_name.toLowerCase());
    let bits = 0;
    let flags = hasUpperCaseKey(els[i].attributes) ? MIXED_CASE_KEYS : 0;
    const classes = els[i].attr_class;
    packed[at + 3] = next;
    for (let c = 0; c < classes.length; c++) {
      bits |= classBit(classes[c]);
      const id = classId(classes[c]);
      if (id < 0) flags |= UNINTERNED_CLASS;
      packed[next++] = id;
    }
    packed[at + 1] = bits;
    packed[at + 2] = flags;
    packed[at + 4] = next;
  }
  return { els, n: els.length, packed };
}

const byArray = new WeakMap<readonly ChainElement[], MatchChain>();

/** The fast layout for a chain array that did not come through chainOf. */
export function matchChainFor(els: readonly ChainElement[]): MatchChain {
  let mc = byArray.get(els);
  if (!mc) byArray.set(els, (mc = toMatchChain(els)));
  return mc;
}
