/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, variant 10, then 74 bits that are a
 * 42-bit counter (the 12 bits of rand_a and the top 30 of rand_b, RFC 9562 §6.2 method 1)
 * followed by 32 random bits. The counter is seeded randomly (top bit clear, leaving room to
 * count) each new millisecond and incremented within one, so uuids made in order sort in order
 * as strings.
 */
// @ts-nocheck


const HEX = Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));
const COUNTER_MAX = 2 ** 42 - 1;
const TWO_30 = 2 ** 30;
/** Clock steps back by up to this much still continue the sequence (keeps ids monotonic). */
const MAX_REGRESSION_MS = 10_000;

const random = new Uint8Array(10);
let lastMs = -Infinity;
let counter = 0;

function seedCounter(): void {
  // 41 random bits: bytes 4..9 of the random buffer, top bit cleared.
  counter = (random[4] & 0x01) * 2 ** 40 + random[5] * 2 ** 32 + ((random[6] << 24) >>> 0) +
    (random[7] << 16) + (random[8] << 8) + random[9];
}

/**
 * A new UUIDv7 for time `now` (ms since the epoch, default `Date.now()`). Monotonic within this
 * JS context: a `now` equal to, or at most 10 s before, the previous one continues the previous
 * millisecond's counter (as RFC 9562 allows) instead of going back in time. Older times start a
 * fresh sequence at that time.
 */
export function uuidv7(now: number = Date.now()): string {
  crypto.getRandomValues(random);
  let ms = Math.max(0, Math.floor(now));
  if (ms > lastMs || ms < lastMs - MAX_REGRESSION_MS) {
    seedCounter();
  } else {
    ms = lastMs;
    if (++counter > COUNTER_MAX) {
      ms++;
      seedCounter();
    }
  }
  lastMs = ms;
  const hi = Math.floor(counter / TWO_30); // 12 bits -> rand_a
  const lo = counter % TWO_30; // 30 bits -> top of rand_b
  const msHi = Math.floor(ms / 2 ** 32);
  const msLo = ms >>> 0;
  return (
    HEX[(msHi >>> 8) & 0xff] + HEX[msHi & 0xff] + HEX[msLo >>> 24] + HEX[(msLo >>> 16) & 0xff] + '-' +
    HEX[(msLo >>> 8) & 0xff] + HEX[msLo & 0xff] + '-' +
    HEX[0x70 | (hi >>> 8)] + HEX[hi & 0xff] + '-' +
    HEX[0x80 | (lo >>> 24)] + HEX[(lo >>> 16) & 0xff] + '-' +
    HEX[(lo >>> 8) & 0xff] + HEX[lo & 0xff] + HEX[random[0]] + HEX[random[1]] + HEX[random[2]] + HEX[random[3]]
  );
}

/** The Unix time in ms encoded in a UUIDv7 (its first 48 bits); NaN when it is not a uuid. */
export function uuidv7Time(uuid: string): number {
  if (typeof uuid !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(uuid)) return NaN;
  return parseInt(uuid.slice(0, 8) + uuid.slice(9, 13), 16);
}
