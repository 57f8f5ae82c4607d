// @ts-nocheck
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv7, uuidv7Time } from '../../src/events/uuid';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the RFC 9562 shape: version 7 and variant 10', () => {
    for (let i = 0; i < 1000; i++) expect(uuidv7()).toMatch(UUID_V7);
  });

  it.each([
    ['epoch', 0],
    ['2026-11-28T10:15:00.123Z', Date.parse('2026-11-28T10:15:00.123Z')],
    ['largest 48-bit time', 2 ** 48 - 1],
  ])('encodes the time (%s) in the first 48 bits', (_name, ms) => {
    const id = uuidv7(ms);
    expect(id).toMatch(UUID_V7);
    expect(uuidv7Time(id)).toBe(ms);
  });

  it('uses the current time by default', () => {
    const before = Date.now();
    const t = uuidv7Time(uuidv7());
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('sorts in generation order (10k in a tight loop)', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts in generation order within one millisecond', () => {
    const ms = Date.now() + 60_000;
    const ids = Array.from({ length: 5000 }, () => uuidv7(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => uuidv7Time(id) === ms)).toBe(true);
  });

  it('stays monotonic when the clock steps back a little', () => {
    const ms = Date.now() + 120_000;
    const first = uuidv7(ms);
    const second = uuidv7(ms - 500);
    expect(second > first).toBe(true);
    expect(uuidv7Time(second)).toBe(ms);
  });

  it('starts over at an explicit time far in the past', () => {
    const past = Date.parse('2020-01-01T00:00:00Z');
    expect(uuidv7Time(uuidv7(past))).toBe(past);
  });

  it('differs in its random part between calls', () => {
    const ms = Date.now() + 180_000;
    const a = uuidv7(ms);
    const b = uuidv7(ms);
    expect(a.slice(-8)).not.toBe(b.slice(-8)); // 32 random bits: a clash is 1 in 4 billion
  });
});

describe('uuidv7 with fixed random bytes', () => {
  // Bytes 1..10: the counter is seeded from bytes 4..9 (top bit of byte 4 only) = 0x1060708090a,
  // so rand_a is 0x418 and the top of rand_b 0x0708090a; bytes 0..3 are the last 32 random bits.
  const fixedRandom = () => vi.spyOn(crypto, 'getRandomValues').mockImplementation((array: ArrayBufferView) => {
    (array as Uint8Array).set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    return array;
  });
  afterEach(() => vi.restoreAllMocks());
  const ms = 0x0192f0a45e3b; // 2024: far enough back to start a fresh sequence

  it.each<[string, number[], string]>([
    ['a fresh millisecond', [ms], '0192f0a4-5e3b-7418-8708-090a01020304'],
    ['the same millisecond counts on', [ms, ms], '0192f0a4-5e3b-7418-8708-090b01020304'],
    ['10 s back still counts on', [ms, ms - 10_000], '0192f0a4-5e3b-7418-8708-090b01020304'],
    ['more than 10 s back starts over', [ms, ms - 10_001], '0192f0a4-372a-7418-8708-090a01020304'], // ms - 10001 = 0x0192f0a4372a,
    ['a fraction of a millisecond is dropped', [ms + 0.9], '0192f0a4-5e3b-7418-8708-090a01020304'],
  ])('%s', (_name, times, last) => {
    fixedRandom();
    uuidv7(0); // start every row from a sequence far from `ms`
    let id = '';
    for (const t of times) id = uuidv7(t);
    expect(id).toBe(last);
  });
});

describe('uuidv7Time', () => {
  it.each([
    ['0192f0a4-5e3b-7c1d-8e2f-3a4b5c6d7e8f', 0x0192f0a45e3b],
    ['0192F0A4-5E3B-7C1D-8E2F-3A4B5C6D7E8F', 0x0192f0a45e3b],
    ['not-a-uuid', NaN],
    ['x0192f0a4-5e3b-7c1d-8e2f-3a4b5c6d7e8f', NaN],
    // Hex before the time: the first 8 characters then read as hex, so only the anchored shape check says NaN.
    ['a0192f0a4-5e3b-7c1d-8e2f-3a4b5c6d7e8f', NaN],
    [42 as unknown as string, NaN],
    // Not a string although it reads as a uuid when coerced: the type check, not the pattern, rejects it.
    [['0192f0a4-5e3b-7c1d-8e2f-3a4b5c6d7e8f'] as unknown as string, NaN],
    ['', NaN],
  ])('%s → %s', (id, ms) => expect(uuidv7Time(id)).toBe(ms));
});
