// @ts-nocheck
import type { CaptureEvent } from '../events/types';

/** A Segment `/v1/batch` message (the fields Lasso fills). */
export interface SegmentMessage {
  type: 'track' | 'page' | 'identify' | 'alias' | 'group';
  messageId: string;
  timestamp: string;
  anonymousId?: string;
  userId?: string;
  event?: string;
  name?: string;
  previousId?: string;
  groupId?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
/** Object without undefined values (JSON drops them anyway; tests compare shapes). */
const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const CAMPAIGN: [string, string][] = [['utm_source', 'source'], ['utm_medium', 'medium'], ['utm_campaign', 'name'], ['utm_term', 'term'], ['utm_content', 'content']];

/** Segment's `context` from PostHog's standard properties: page, userAgent, campaign, library. */
function contextOf(p: Record<string, unknown>): Record<string, unknown> {
  const campaign = defined(Object.fromEntries(CAMPAIGN.map(([from, to]) => [to, str(p[from])])));
  const page = defined({ url: str(p.$current_url), path: str(p.$pathname), referrer: str(p.$referrer), title: str(p.title) ?? str(p.$title), search: str(p.$search) });
  return defined({
    library: { name: 'lasso', version: str(p.$lib_version) ?? '' },
    page: Object.keys(page).length ? page : undefined,
    userAgent: str(p.$raw_user_agent) ?? str(p.$user_agent),
    campaign: Object.keys(campaign).length ? campaign : undefined,
    locale: str(p.$browser_language),
    timezone: str(p.$timezone),
  });
}

/**
 * One PostHog capture event as a Segment message (spec: capture-apis.md). `messageId` is the
 * event's uuid, so Segment's dedup and retries agree; `anonymousId` is the `$device_id`;
 * `userId` is the distinct_id once identified (an `$identify`, or `$is_identified` set).
 * `$pageview` → page, `$identify`/`$set` → identify (traits = `$set`), `$create_alias` → alias,
 * `$groupidentify` → group, anything else → track.
 */
export function toSegment(e: CaptureEvent): SegmentMessage {
  const p = e.properties;
  const anonymousId = str(p.$device_id) ?? str(p.$anon_distinct_id) ?? e.distinct_id;
  const identified = p.$is_identified === true || e.event === '$identify' || e.event === '$create_alias';
  const base = { messageId: e.uuid, timestamp: e.timestamp, anonymousId, ...(identified ? { userId: e.distinct_id } : {}), context: contextOf(p) };
  switch (e.event) {
    case '$pageview': {
      const properties = defined({ ...p, url: str(p.$current_url), path: str(p.$pathname), referrer: str(p.$referrer), title: str(p.title) ?? str(p.$title) });
      return { type: 'page', ...base, ...(str(p.title) ? { name: str(p.title) } : {}), properties };
    }
    case '$identify':
    case '$set':
      return { type: 'identify', ...base, userId: e.distinct_id, traits: { ...(obj(p.$set_once) ?? {}), ...(obj(p.$set) ?? {}) } };
    case '$create_alias':
      // PostHog: `alias` becomes another id of the current distinct_id's person.
      return { type: 'alias', ...base, previousId: str(p.alias) ?? anonymousId, userId: e.distinct_id };
    case '$groupidentify':
      return { type: 'group', ...base, groupId: String(p.$group_key ?? ''), traits: obj(p.$group_set) ?? {}, context: { ...base.context, groupType: str(p.$group_type) } };
    default:
      return { type: 'track', ...base, event: e.event, properties: p };
  }
}
