/**
 * Date values for the is_date_* operators: ISO 8601 (date-only is UTC midnight; a date-time
 * without a zone is read as UTC, so results do not depend on the machine's zone), Unix
 * timestamps (seconds below 1e11, else milliseconds), and relative filter values `-7d`, `-24h`,
 * `-2w`, `-3m` (months), `-1y`, resolved against the matcher's clock at match time.
 */
// @ts-nocheck


const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;
const RELATIVE = /^-?(\d+)([hdwmy])$/;
const NUMERIC = /^\d+(?:\.\d+)?$/;

/** How finely is_date_exact compares. */
export type Granularity = 'day' | 'hour' | 'second';

/** Epoch ms of an ISO string, or null. */
function parseIso(s: string): number | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = ''] = m;
  const zone = !m[8] || m[8] === 'z' ? 'Z' : m[8].length === 5 ? `${m[8].slice(0, 3)}:${m[8].slice(3)}` : m[8];
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}${frac.slice(0, 4)}${zone}`);
  return Number.isNaN(ms) ? null : ms;
}

/** Epoch ms of an event / person value, or null when it is not a date. */
export function parseDateValue(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? (v < 1e11 ? v * 1000 : v) : null;
  if (typeof v !== 'string') return null;
  if (NUMERIC.test(v.trim())) return parseDateValue(Number(v));
  return parseIso(v);
}

/** A filter value: an absolute instant or one relative to now. */
export interface DateOperand {
  at(now: number): number;
  granularity: Granularity;
  written: string;
}

/** Parses a filter's date value; null when it is neither ISO nor relative. */
export function parseDateOperand(v: unknown): DateOperand | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const written = String(v).trim();
  const rel = RELATIVE.exec(written);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2];
    const at = (now: number): number => {
      if (unit === 'h') return now - n * 3_600_000;
      if (unit === 'd') return now - n * 86_400_000;
      if (unit === 'w') return now - n * 7 * 86_400_000;
      const d = new Date(now);
      if (unit === 'm') d.setUTCMonth(d.getUTCMonth() - n);
      else d.setUTCFullYear(d.getUTCFullYear() - n);
      return d.getTime();
    };
    return { at, granularity: unit === 'h' ? 'hour' : 'day', written };
  }
  const ms = parseDateValue(v);
  if (ms === null) return null;
  const dateOnly = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(written);
  return { at: () => ms, granularity: dateOnly ? 'day' : 'second', written };
}

const UNIT: Record<Granularity, number> = { day: 86_400_000, hour: 3_600_000, second: 1000 };

/** Same UTC day / hour / second. */
export const sameAt = (a: number, b: number, g: Granularity): boolean => Math.floor(a / UNIT[g]) === Math.floor(b / UNIT[g]);

/** ISO rendering for explanations. */
export const showDate = (ms: number): string => new Date(ms).toISOString();
