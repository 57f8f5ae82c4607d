// @ts-nocheck
import type { ChannelType } from '../../sessions';
import type { SessionFilter } from '../../store/queries/sessions';
import type { RequestData } from '../use-request';

/**
 * The Sessions list's route keys (besides the shared `site`): `channel` (repeatable), `bounce`
 * (`yes` / `no`), `from` / `to` (days `YYYY-MM-DD` in the browser's time zone, both included),
 * `entry` (entry URL contains).
 */
export const SESSIONS_KEYS = { channel: 'channel', bounce: 'bounce', from: 'from', to: 'to', entry: 'entry' } as const;

/** Rows per page of the sessions list. */
export const SESSIONS_PAGE = 50;

// A record, so a channel type added to ChannelType fails to compile here until it is offered.
const CHANNELS: Record<ChannelType, true> = {
  Direct: true, 'Organic Search': true, 'Paid Search': true, 'Organic Social': true, 'Paid Social': true, Referral: true, Email: true,
  'Cross Network': true, 'Paid Video': true, 'Paid Shopping': true, 'Paid Unknown': true, 'Organic Video': true, 'Organic Shopping': true,
  Push: true, SMS: true, Audio: true, Affiliate: true, Display: true, Unknown: true,
};
/** Every channel type PostHog's default rule gives, in the order the filter offers them. */
export const CHANNEL_TYPES = Object.keys(CHANNELS) as ChannelType[];

/** Local midnight of a `YYYY-MM-DD` day, or null when it is not one. */
export function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getMonth() === Number(m[2]) - 1 && date.getDate() === Number(m[3]) ? date.getTime() : null;
}

/** The day after `ms`'s local day, at midnight (so `to` includes its whole day, daylight saving or not). */
const nextDay = (ms: number) => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
};

/**
 * The `query.sessions` payload (without cursor) of a route's filters, and the keys that could not
 * be read, each named with what it expects (pure but for the browser's time zone).
 */
export function sessionsRequest(query: URLSearchParams): { request: Omit<RequestData<'query.sessions'>, 'cursor'>; problems: string[] } {
  const filter: SessionFilter = {};
  const problems: string[] = [];
  const site = query.get('site');
  if (site) filter.site = site;
  const channels = query.getAll(SESSIONS_KEYS.channel).filter((c) => c !== '');
  const unknown = channels.filter((c) => !(c in CHANNELS));
  if (unknown.length) problems.push(`channel: ${unknown.map((c) => `“${c}”`).join(', ')} is not a channel type (one of ${CHANNEL_TYPES.join(', ')})`);
  if (channels.length) filter.channelTypes = channels;
  const bounce = query.get(SESSIONS_KEYS.bounce);
  if (bounce === 'yes' || bounce === 'no') filter.bounce = bounce === 'yes';
  else if (bounce) problems.push(`bounce: expected “yes” or “no”, got “${bounce}”`);
  for (const key of [SESSIONS_KEYS.from, SESSIONS_KEYS.to] as const) {
    const day = query.get(key);
    if (!day) continue;
    const ms = dayStart(day);
    if (ms === null) problems.push(`${key}: expected a day such as 2026-10-01, got “${day}”`);
    else if (key === 'from') filter.from = ms;
    else filter.to = nextDay(ms);
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) problems.push('to: the last day is before the first day');
  const entry = query.get(SESSIONS_KEYS.entry)?.trim();
  if (entry) filter.entryUrlContains = entry;
  return { request: { filter, limit: SESSIONS_PAGE }, problems };
}
