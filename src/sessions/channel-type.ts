import { MEDIUM_DEFINITIONS, SOURCE_DEFINITIONS, type ChannelDefinition } from './domains';
import { cutToFirstSignificantSubdomain } from './url';

/**
 * PostHog's default channel type rule (no custom channel rules), as a pure function.
 *
 * Source: PostHog/posthog `posthog/hogql/database/schema/channel_type.py`
 * (`_initial_default_channel_rules_expr`, `create_channel_type_expr`), fed by the sessions table in
 * `posthog/hogql/database/schema/sessions_v2.py` with the session's entry utm_*, referring domain,
 * gclid, fbclid and gad_source. The lookups are the HogQL printer's `lookupPaidSourceType` &c.:
 * a dictionary lookup of the value itself, then of its `cutToFirstSignificantSubdomain`.
 * ClickHouse semantics kept: `lower` is ASCII-only, `''` and `'null'` count as missing, a
 * condition on a missing value is false, and `match` is an unanchored search where `.` also
 * matches a line break.
 */
export interface ChannelInputs {
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  /** `$referring_domain` as captured: a host or `$direct`. Not lower-cased (PostHog does not). */
  referringDomain: string | null;
  gclid: string | null;
  fbclid: string | null;
  gadSource: string | null;
}

/** The channel types PostHog's default rule and its dictionary can produce. */
export type ChannelType =
  | 'Cross Network'
  | 'Paid Search'
  | 'Paid Social'
  | 'Paid Video'
  | 'Paid Shopping'
  | 'Paid Unknown'
  | 'Direct'
  | 'Organic Search'
  | 'Organic Social'
  | 'Organic Video'
  | 'Organic Shopping'
  | 'Push'
  | 'SMS'
  | 'Audio'
  | 'Email'
  | 'Referral'
  | 'Affiliate'
  | 'Display'
  | 'Unknown';

const PAID_MEDIUMS = new Set(['cpc', 'cpm', 'cpv', 'cpa', 'ppc', 'retargeting']);
const DIRECT_SOURCES = new Set(['(direct)', 'direct', '$direct']);
const SHOPPING_CAMPAIGN = /^(.*(([^a-df-z]|^)shop|shopping).*)$/s;
const VIDEO_CAMPAIGN = /^(.*video.*)$/s;

/** `nullIf(nullIf(x, ''), 'null')`: PostHog treats both as "not set". */
export function nullIfEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' || value === 'null' ? null : value;
}

/** ClickHouse `lower`: ASCII letters only, so `É` stays `É`. */
export function lowerAscii(value: string | null): string | null {
  return value === null ? null : value.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

type Side = keyof ChannelDefinition;

function lookupSource(value: string | null, side: Side): string | null {
  const key = value ?? '';
  const exact = SOURCE_DEFINITIONS.get(key)?.[side] ?? null;
  if (exact !== null) return exact;
  return SOURCE_DEFINITIONS.get(cutToFirstSignificantSubdomain(key))?.[side] ?? null;
}

function lookupMedium(value: string | null, side: Side): string | null {
  return MEDIUM_DEFINITIONS.get(value ?? '')?.[side] ?? null;
}

const matches = (value: string | null, pattern: RegExp): boolean => value !== null && pattern.test(value);

/** The channel a session (or a person's first touch) came from, by PostHog's default rule. */
export function channelType(inputs: ChannelInputs): ChannelType {
  const campaign = lowerAscii(nullIfEmpty(inputs.utmCampaign));
  const medium = lowerAscii(nullIfEmpty(inputs.utmMedium));
  const source = lowerAscii(nullIfEmpty(inputs.utmSource));
  const referringDomain = inputs.referringDomain ?? null;
  const hasGclid = nullIfEmpty(inputs.gclid) !== null;
  const hasFbclid = nullIfEmpty(inputs.fbclid) !== null;
  const gadSource = nullIfEmpty(inputs.gadSource);

  if (matches(campaign, /cross-network/s)) return 'Cross Network';

  const paid =
    (medium !== null && (PAID_MEDIUMS.has(medium) || medium.startsWith('paid'))) || hasGclid || gadSource !== null;
  if (paid) {
    return (lookupSource(source, 'typeIfPaid') ??
      (matches(campaign, SHOPPING_CAMPAIGN) ? 'Paid Shopping' : null) ??
      lookupMedium(medium, 'typeIfPaid') ??
      lookupSource(referringDomain, 'typeIfPaid') ??
      (gadSource === '1'
        ? 'Paid Search'
        : matches(campaign, VIDEO_CAMPAIGN)
          ? 'Paid Video'
          : hasFbclid
            ? 'Paid Social'
            : 'Paid Unknown')) as ChannelType;
  }

  if (referringDomain === '$direct' && medium === null && (source === null || DIRECT_SOURCES.has(source)) && !hasFbclid) {
    return 'Direct';
  }

  return (lookupSource(source, 'typeIfOrganic') ??
    (matches(campaign, SHOPPING_CAMPAIGN) ? 'Organic Shopping' : null) ??
    lookupMedium(medium, 'typeIfOrganic') ??
    lookupSource(referringDomain, 'typeIfOrganic') ??
    (matches(campaign, VIDEO_CAMPAIGN)
      ? 'Organic Video'
      : matches(medium, /push$/)
        ? 'Push'
        : hasFbclid
          ? 'Organic Social'
          : referringDomain === '$direct'
            ? 'Direct'
            : referringDomain !== null
              ? 'Referral'
              : 'Unknown')) as ChannelType;
}
