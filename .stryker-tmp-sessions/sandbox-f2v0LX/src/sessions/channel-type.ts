// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
export type ChannelType = 'Cross Network' | 'Paid Search' | 'Paid Social' | 'Paid Video' | 'Paid Shopping' | 'Paid Unknown' | 'Direct' | 'Organic Search' | 'Organic Social' | 'Organic Video' | 'Organic Shopping' | 'Push' | 'SMS' | 'Audio' | 'Email' | 'Referral' | 'Affiliate' | 'Display' | 'Unknown';
const PAID_MEDIUMS = new Set(stryMutAct_9fa48("281") ? [] : (stryCov_9fa48("281"), [stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), 'cpc'), stryMutAct_9fa48("283") ? "" : (stryCov_9fa48("283"), 'cpm'), stryMutAct_9fa48("284") ? "" : (stryCov_9fa48("284"), 'cpv'), stryMutAct_9fa48("285") ? "" : (stryCov_9fa48("285"), 'cpa'), stryMutAct_9fa48("286") ? "" : (stryCov_9fa48("286"), 'ppc'), stryMutAct_9fa48("287") ? "" : (stryCov_9fa48("287"), 'retargeting')]));
const DIRECT_SOURCES = new Set(stryMutAct_9fa48("288") ? [] : (stryCov_9fa48("288"), [stryMutAct_9fa48("289") ? "" : (stryCov_9fa48("289"), '(direct)'), stryMutAct_9fa48("290") ? "" : (stryCov_9fa48("290"), 'direct'), stryMutAct_9fa48("291") ? "" : (stryCov_9fa48("291"), '$direct')]));
const SHOPPING_CAMPAIGN = stryMutAct_9fa48("297") ? /^(.*(([^a-df-z]|^)shop|shopping).)$/s : stryMutAct_9fa48("296") ? /^(.*(([a-df-z]|^)shop|shopping).*)$/s : stryMutAct_9fa48("295") ? /^(.*(([^a-df-z])shop|shopping).*)$/s : stryMutAct_9fa48("294") ? /^(.(([^a-df-z]|^)shop|shopping).*)$/s : stryMutAct_9fa48("293") ? /^(.*(([^a-df-z]|^)shop|shopping).*)/s : stryMutAct_9fa48("292") ? /(.*(([^a-df-z]|^)shop|shopping).*)$/s : (stryCov_9fa48("292", "293", "294", "295", "296", "297"), /^(.*(([^a-df-z]|^)shop|shopping).*)$/s);
const VIDEO_CAMPAIGN = stryMutAct_9fa48("301") ? /^(.*video.)$/s : stryMutAct_9fa48("300") ? /^(.video.*)$/s : stryMutAct_9fa48("299") ? /^(.*video.*)/s : stryMutAct_9fa48("298") ? /(.*video.*)$/s : (stryCov_9fa48("298", "299", "300", "301"), /^(.*video.*)$/s);

/** `nullIf(nullIf(x, ''), 'null')`: PostHog treats both as "not set". */
export function nullIfEmpty(value: string | null | undefined): string | null {
  if (stryMutAct_9fa48("302")) {
    {}
  } else {
    stryCov_9fa48("302");
    return (stryMutAct_9fa48("305") ? (value === undefined || value === null || value === '') && value === 'null' : stryMutAct_9fa48("304") ? false : stryMutAct_9fa48("303") ? true : (stryCov_9fa48("303", "304", "305"), (stryMutAct_9fa48("307") ? (value === undefined || value === null) && value === '' : stryMutAct_9fa48("306") ? false : (stryCov_9fa48("306", "307"), (stryMutAct_9fa48("309") ? value === undefined && value === null : stryMutAct_9fa48("308") ? false : (stryCov_9fa48("308", "309"), (stryMutAct_9fa48("311") ? value !== undefined : stryMutAct_9fa48("310") ? false : (stryCov_9fa48("310", "311"), value === undefined)) || (stryMutAct_9fa48("313") ? value !== null : stryMutAct_9fa48("312") ? false : (stryCov_9fa48("312", "313"), value === null)))) || (stryMutAct_9fa48("315") ? value !== '' : stryMutAct_9fa48("314") ? false : (stryCov_9fa48("314", "315"), value === (stryMutAct_9fa48("316") ? "Stryker was here!" : (stryCov_9fa48("316"), '')))))) || (stryMutAct_9fa48("318") ? value !== 'null' : stryMutAct_9fa48("317") ? false : (stryCov_9fa48("317", "318"), value === (stryMutAct_9fa48("319") ? "" : (stryCov_9fa48("319"), 'null')))))) ? null : value;
  }
}

/** ClickHouse `lower`: ASCII letters only, so `É` stays `É`. */
export function lowerAscii(value: string | null): string | null {
  if (stryMutAct_9fa48("320")) {
    {}
  } else {
    stryCov_9fa48("320");
    return (stryMutAct_9fa48("323") ? value !== null : stryMutAct_9fa48("322") ? false : stryMutAct_9fa48("321") ? true : (stryCov_9fa48("321", "322", "323"), value === null)) ? null : value.replace(stryMutAct_9fa48("324") ? /[^A-Z]/g : (stryCov_9fa48("324"), /[A-Z]/g), stryMutAct_9fa48("325") ? () => undefined : (stryCov_9fa48("325"), c => stryMutAct_9fa48("326") ? c.toUpperCase() : (stryCov_9fa48("326"), c.toLowerCase())));
  }
}
type Side = keyof ChannelDefinition;
function lookupSource(value: string | null, side: Side): string | null {
  if (stryMutAct_9fa48("327")) {
    {}
  } else {
    stryCov_9fa48("327");
    const key = stryMutAct_9fa48("328") ? value && '' : (stryCov_9fa48("328"), value ?? (stryMutAct_9fa48("329") ? "Stryker was here!" : (stryCov_9fa48("329"), '')));
    const exact = stryMutAct_9fa48("330") ? SOURCE_DEFINITIONS.get(key)?.[side] && null : (stryCov_9fa48("330"), (stryMutAct_9fa48("331") ? SOURCE_DEFINITIONS.get(key)[side] : (stryCov_9fa48("331"), SOURCE_DEFINITIONS.get(key)?.[side])) ?? null);
    if (stryMutAct_9fa48("334") ? exact === null : stryMutAct_9fa48("333") ? false : stryMutAct_9fa48("332") ? true : (stryCov_9fa48("332", "333", "334"), exact !== null)) return exact;
    return stryMutAct_9fa48("335") ? SOURCE_DEFINITIONS.get(cutToFirstSignificantSubdomain(key))?.[side] && null : (stryCov_9fa48("335"), (stryMutAct_9fa48("336") ? SOURCE_DEFINITIONS.get(cutToFirstSignificantSubdomain(key))[side] : (stryCov_9fa48("336"), SOURCE_DEFINITIONS.get(cutToFirstSignificantSubdomain(key))?.[side])) ?? null);
  }
}
function lookupMedium(value: string | null, side: Side): string | null {
  if (stryMutAct_9fa48("337")) {
    {}
  } else {
    stryCov_9fa48("337");
    return stryMutAct_9fa48("338") ? MEDIUM_DEFINITIONS.get(value ?? '')?.[side] && null : (stryCov_9fa48("338"), (stryMutAct_9fa48("339") ? MEDIUM_DEFINITIONS.get(value ?? '')[side] : (stryCov_9fa48("339"), MEDIUM_DEFINITIONS.get(stryMutAct_9fa48("340") ? value && '' : (stryCov_9fa48("340"), value ?? (stryMutAct_9fa48("341") ? "Stryker was here!" : (stryCov_9fa48("341"), ''))))?.[side])) ?? null);
  }
}
const matches = stryMutAct_9fa48("342") ? () => undefined : (stryCov_9fa48("342"), (() => {
  const matches = (value: string | null, pattern: RegExp): boolean => stryMutAct_9fa48("345") ? value !== null || pattern.test(value) : stryMutAct_9fa48("344") ? false : stryMutAct_9fa48("343") ? true : (stryCov_9fa48("343", "344", "345"), (stryMutAct_9fa48("347") ? value === null : stryMutAct_9fa48("346") ? true : (stryCov_9fa48("346", "347"), value !== null)) && pattern.test(value));
  return matches;
})());

/** The channel a session (or a person's first touch) came from, by PostHog's default rule. */
export function channelType(inputs: ChannelInputs): ChannelType {
  if (stryMutAct_9fa48("348")) {
    {}
  } else {
    stryCov_9fa48("348");
    const campaign = lowerAscii(nullIfEmpty(inputs.utmCampaign));
    const medium = lowerAscii(nullIfEmpty(inputs.utmMedium));
    const source = lowerAscii(nullIfEmpty(inputs.utmSource));
    const referringDomain = stryMutAct_9fa48("349") ? inputs.referringDomain && null : (stryCov_9fa48("349"), inputs.referringDomain ?? null);
    const hasGclid = stryMutAct_9fa48("352") ? nullIfEmpty(inputs.gclid) === null : stryMutAct_9fa48("351") ? false : stryMutAct_9fa48("350") ? true : (stryCov_9fa48("350", "351", "352"), nullIfEmpty(inputs.gclid) !== null);
    const hasFbclid = stryMutAct_9fa48("355") ? nullIfEmpty(inputs.fbclid) === null : stryMutAct_9fa48("354") ? false : stryMutAct_9fa48("353") ? true : (stryCov_9fa48("353", "354", "355"), nullIfEmpty(inputs.fbclid) !== null);
    const gadSource = nullIfEmpty(inputs.gadSource);
    if (stryMutAct_9fa48("357") ? false : stryMutAct_9fa48("356") ? true : (stryCov_9fa48("356", "357"), matches(campaign, /cross-network/s))) return stryMutAct_9fa48("358") ? "" : (stryCov_9fa48("358"), 'Cross Network');
    const paid = stryMutAct_9fa48("361") ? (medium !== null && (PAID_MEDIUMS.has(medium) || medium.startsWith('paid')) || hasGclid) && gadSource !== null : stryMutAct_9fa48("360") ? false : stryMutAct_9fa48("359") ? true : (stryCov_9fa48("359", "360", "361"), (stryMutAct_9fa48("363") ? medium !== null && (PAID_MEDIUMS.has(medium) || medium.startsWith('paid')) && hasGclid : stryMutAct_9fa48("362") ? false : (stryCov_9fa48("362", "363"), (stryMutAct_9fa48("365") ? medium !== null || PAID_MEDIUMS.has(medium) || medium.startsWith('paid') : stryMutAct_9fa48("364") ? false : (stryCov_9fa48("364", "365"), (stryMutAct_9fa48("367") ? medium === null : stryMutAct_9fa48("366") ? true : (stryCov_9fa48("366", "367"), medium !== null)) && (stryMutAct_9fa48("369") ? PAID_MEDIUMS.has(medium) && medium.startsWith('paid') : stryMutAct_9fa48("368") ? true : (stryCov_9fa48("368", "369"), PAID_MEDIUMS.has(medium) || (stryMutAct_9fa48("370") ? medium.endsWith('paid') : (stryCov_9fa48("370"), medium.startsWith(stryMutAct_9fa48("371") ? "" : (stryCov_9fa48("371"), 'paid')))))))) || hasGclid)) || (stryMutAct_9fa48("373") ? gadSource === null : stryMutAct_9fa48("372") ? false : (stryCov_9fa48("372", "373"), gadSource !== null)));
    if (stryMutAct_9fa48("375") ? false : stryMutAct_9fa48("374") ? true : (stryCov_9fa48("374", "375"), paid)) {
      if (stryMutAct_9fa48("376")) {
        {}
      } else {
        stryCov_9fa48("376");
        return (lookupSource(source, 'typeIfPaid') ?? (matches(campaign, SHOPPING_CAMPAIGN) ? 'Paid Shopping' : null) ?? lookupMedium(medium, 'typeIfPaid') ?? lookupSource(referringDomain, 'typeIfPaid') ?? (gadSource === '1' ? 'Paid Search' : matches(campaign, VIDEO_CAMPAIGN) ? 'Paid Video' : hasFbclid ? 'Paid Social' : 'Paid Unknown')) as ChannelType;
      }
    }
    if (stryMutAct_9fa48("379") ? referringDomain === '$direct' && medium === null && (source === null || DIRECT_SOURCES.has(source)) || !hasFbclid : stryMutAct_9fa48("378") ? false : stryMutAct_9fa48("377") ? true : (stryCov_9fa48("377", "378", "379"), (stryMutAct_9fa48("381") ? referringDomain === '$direct' && medium === null || source === null || DIRECT_SOURCES.has(source) : stryMutAct_9fa48("380") ? true : (stryCov_9fa48("380", "381"), (stryMutAct_9fa48("383") ? referringDomain === '$direct' || medium === null : stryMutAct_9fa48("382") ? true : (stryCov_9fa48("382", "383"), (stryMutAct_9fa48("385") ? referringDomain !== '$direct' : stryMutAct_9fa48("384") ? true : (stryCov_9fa48("384", "385"), referringDomain === (stryMutAct_9fa48("386") ? "" : (stryCov_9fa48("386"), '$direct')))) && (stryMutAct_9fa48("388") ? medium !== null : stryMutAct_9fa48("387") ? true : (stryCov_9fa48("387", "388"), medium === null)))) && (stryMutAct_9fa48("390") ? source === null && DIRECT_SOURCES.has(source) : stryMutAct_9fa48("389") ? true : (stryCov_9fa48("389", "390"), (stryMutAct_9fa48("392") ? source !== null : stryMutAct_9fa48("391") ? false : (stryCov_9fa48("391", "392"), source === null)) || DIRECT_SOURCES.has(source))))) && (stryMutAct_9fa48("393") ? hasFbclid : (stryCov_9fa48("393"), !hasFbclid)))) {
      if (stryMutAct_9fa48("394")) {
        {}
      } else {
        stryCov_9fa48("394");
        return stryMutAct_9fa48("395") ? "" : (stryCov_9fa48("395"), 'Direct');
      }
    }
    return (lookupSource(source, 'typeIfOrganic') ?? (matches(campaign, SHOPPING_CAMPAIGN) ? 'Organic Shopping' : null) ?? lookupMedium(medium, 'typeIfOrganic') ?? lookupSource(referringDomain, 'typeIfOrganic') ?? (matches(campaign, VIDEO_CAMPAIGN) ? 'Organic Video' : matches(medium, /push$/) ? 'Push' : hasFbclid ? 'Organic Social' : referringDomain === '$direct' ? 'Direct' : referringDomain !== null ? 'Referral' : 'Unknown')) as ChannelType;
  }
}