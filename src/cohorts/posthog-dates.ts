/**
 * PostHog's date strings for filters, as posthog/utils.py `relative_date_parse_with_delta_mapping`
 * reads them (UTC, PostHog's default project timezone):
 * - ISO dates / date-times (`2026-06-01`, `2026-06-01T12:00`, with or without a zone; no zone = UTC),
 *   also without zero padding (`2026-6-1`);
 * - relative `-{n}{kind}` counted back from now with dateutil's relativedelta: h hours, d days,
 *   w weeks, m months, q 13 weeks, y years, M minutes, s seconds, optionally ending in `Start` or
 *   `End` (d: start/end of that day, h: of that hour, m: day 1 / day 31 clamped, y: Jan 1 / day 31).
 * A fraction of a second may have any number of digits (.NET writes seven); milliseconds are kept.
 * PostHog finds the relative pattern anywhere in the string (`x-7d` reads as 7 days back) and reads
 * anything else as "now"; Lasso reads only whole strings and refuses the rest, the safe direction.
 */

export interface Delta {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  /** Absolute replacements (relativedelta's singular fields). */
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

const daysIn = (year: number, month0: number): number => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** `now − relativedelta(**delta)`: replacements first, months/years with the day clamped, then the timedelta. */
export function subtract(now: number, delta: Delta): number {
  const d = new Date(now);
  const total = (d.getUTCFullYear() - (delta.years ?? 0)) * 12 + ((delta.month ?? d.getUTCMonth() + 1) - 1) - (delta.months ?? 0);
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const at = Date.UTC(
    year, month0, Math.min(daysIn(year, month0), delta.day ?? d.getUTCDate()),
    delta.hour ?? d.getUTCHours(), delta.minute ?? d.getUTCMinutes(), delta.second ?? d.getUTCSeconds(), delta.millisecond ?? d.getUTCMilliseconds(),
  );
  return at - (((delta.days ?? 0) * 24 + (delta.hours ?? 0)) * 60 + (delta.minutes ?? 0)) * 60_000 - (delta.seconds ?? 0) * 1000;
}

const RELATIVE = /^-?(\d+)?([hdwmqyMs])(Start|End)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

function deltaOf(n: number, kind: string, position: string | undefined): Delta {
  const start = position === 'Start';
  const end = position === 'End';
  switch (kind) {
    case 'h': return { hours: n, ...(start ? { minute: 0, second: 0, millisecond: 0 } : end ? { minute: 59, second: 59, millisecond: 999 } : {}) };
    case 'd': return { days: n, ...(start ? { hour: 0, minute: 0, second: 0, millisecond: 0 } : end ? { hour: 23, minute: 59, second: 59, millisecond: 999 } : {}) };
    case 'w': return { days: 7 * n };
    case 'm': return { months: n, ...(start ? { day: 1 } : end ? { day: 31 } : {}) };
    case 'q': return { days: 91 * n };
    case 'y': return { years: n, ...(start ? { month: 1, day: 1 } : end ? { day: 31 } : {}) };
    case 'M': return { minutes: n };
    default: return { seconds: n };
  }
}

/** A parsed date string: its instant, and for relative ones whether it counted hours (for truncation). */
export type ParsedDate = { at: number; relative: false } | { at: number; relative: true; hours: boolean };

/** Parses a PostHog date string against `now`; null when PostHog's parser would not understand it either. */
export function parsePostHogDate(input: string, now: number): ParsedDate | null {
  const s = input.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = iso;
    const z = !zone || zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const at = Date.parse(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h}:${mi}:${sec}${frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : ''}${z}`);
    return Number.isFinite(at) ? { at, relative: false } : null;
  }
  const rel = RELATIVE.exec(s);
  if (!rel) return null;
  const n = rel[1] === undefined ? 0 : Number(rel[1]);
  return { at: subtract(now, deltaOf(n, rel[2], rel[3])), relative: true, hours: rel[2] === 'h' && rel[1] !== undefined };
}

/**
 * Epoch ms of an event timestamp or `now`: ISO with a zone as given, without a zone as UTC (as
 * PostHog stores times; `Date.parse` would read it as local time), else NaN.
 */
export function parseInstant(value: string): number {
  if (value.endsWith('Z') && value[10] === 'T') return Date.parse(value); // the capture shape: fast path
  const parsed = parsePostHogDate(value, 0);
  return parsed && !parsed.relative ? parsed.at : NaN;
}
