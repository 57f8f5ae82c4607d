import { describe, expect, it } from 'vitest';
import { channelType, nullIfEmpty, type ChannelInputs } from '../../src/sessions/channel-type';
import { MEDIUM_DEFINITIONS, SOURCE_DEFINITIONS } from '../../src/sessions/domains';
import { cutToFirstSignificantSubdomain, urlDomain, urlPath } from '../../src/sessions/url';

const NONE: ChannelInputs = {
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  referringDomain: null,
  gclid: null,
  fbclid: null,
  gadSource: null,
};

// Each row exercises one branch of PostHog's default rule (posthog/hogql/database/schema/channel_type.py).
describe('channelType', () => {
  it.each<[string, Partial<ChannelInputs>, string]>([
    ['cross-network campaign beats everything, matched case-insensitively', { utmCampaign: 'Q3-Cross-Network', gclid: 'g' }, 'Cross Network'],
    ['paid medium + search source', { utmMedium: 'cpc', utmSource: 'google' }, 'Paid Search'],
    ['gclid alone, search referrer found through its significant subdomain', { gclid: 'abc', referringDomain: 'www.google.com' }, 'Paid Search'],
    ['medium starting with "paid" (lower-cased) + search referrer', { utmMedium: 'Paid-Search', referringDomain: 'www.bing.com' }, 'Paid Search'],
    ['gad_source 1 with an unknown referrer', { gadSource: '1', referringDomain: 'example.org' }, 'Paid Search'],
    ['gad_source other than 1 with an unknown referrer', { gadSource: '5', referringDomain: 'example.org' }, 'Paid Unknown'],
    ['paid medium + social source', { utmMedium: 'paid_social', utmSource: 'facebook' }, 'Paid Social'],
    ['paid via gclid, social medium row', { gclid: 'g', utmMedium: 'social' }, 'Paid Social'],
    ['paid with fbclid and nothing else known', { utmMedium: 'cpc', fbclid: 'fb', referringDomain: 'example.org' }, 'Paid Social'],
    ['paid medium + video source', { utmMedium: 'cpv', utmSource: 'youtube' }, 'Paid Video'],
    ['paid with a video campaign', { utmMedium: 'cpc', utmSource: 'partner-x', utmCampaign: 'spring_video_ads' }, 'Paid Video'],
    ['paid medium + shopping source', { utmMedium: 'cpc', utmSource: 'amazon' }, 'Paid Shopping'],
    ['paid with a shop campaign', { utmMedium: 'ppc', utmCampaign: 'black-friday-shop' }, 'Paid Shopping'],
    ['"eshop" counts as shop (e is outside a-d and f-z)', { utmMedium: 'cpc', utmCampaign: 'eshop' }, 'Paid Shopping'],
    ['"workshop" does not', { utmMedium: 'cpc', utmCampaign: 'workshop' }, 'Paid Unknown'],
    ['cpm medium is Display', { utmMedium: 'cpm' }, 'Display'],
    ['retargeting with nothing known', { utmMedium: 'retargeting' }, 'Paid Unknown'],
    ['email source has no paid type, so a paid visit falls through', { utmMedium: 'cpc', utmSource: 'email' }, 'Paid Unknown'],
    ['direct referrer and nothing else', { referringDomain: '$direct' }, 'Direct'],
    ['direct referrer with a "(direct)" source', { referringDomain: '$direct', utmSource: '(direct)' }, 'Direct'],
    ['"null" and "" count as missing', { referringDomain: '$direct', utmMedium: 'null', utmSource: '' }, 'Direct'],
    ['direct referrer but fbclid', { referringDomain: '$direct', fbclid: 'fb' }, 'Organic Social'],
    ['search referrer', { referringDomain: 'www.google.com' }, 'Organic Search'],
    ['search referrer under a country suffix', { referringDomain: 'www.google.co.uk' }, 'Organic Search'],
    ['search source beats an unknown referrer, lower-cased', { utmSource: 'Google', referringDomain: 'news.example.com' }, 'Organic Search'],
    ['social referrer', { referringDomain: 'l.facebook.com' }, 'Organic Social'],
    ['social medium', { utmMedium: 'social', referringDomain: 'example.com' }, 'Organic Social'],
    ['video referrer', { referringDomain: 'm.youtube.com' }, 'Organic Video'],
    ['video campaign', { utmCampaign: 'launch_video', referringDomain: 'example.com' }, 'Organic Video'],
    ['shopping referrer', { referringDomain: 'www.amazon.com' }, 'Organic Shopping'],
    ['shopping campaign', { utmCampaign: 'shopping_week' }, 'Organic Shopping'],
    ['email medium', { utmMedium: 'email' }, 'Email'],
    ['webmail referrer', { referringDomain: 'mail.google.com' }, 'Email'],
    ['mail app referrer (android-app:// host)', { referringDomain: 'com.google.android.gm' }, 'Email'],
    ['affiliate medium', { utmMedium: 'affiliate' }, 'Affiliate'],
    ['unknown referrer', { referringDomain: 'blog.example.com' }, 'Referral'],
    ['referral medium', { utmMedium: 'referral' }, 'Referral'],
    ['referring domain is not lower-cased', { referringDomain: 'WWW.GOOGLE.COM' }, 'Referral'],
    ['medium ending in push', { utmMedium: 'web-push' }, 'Push'],
    ['firebase source', { utmSource: 'firebase' }, 'Push'],
    ['sms source', { utmSource: 'sms' }, 'SMS'],
    ['audio medium', { utmMedium: 'audio' }, 'Audio'],
    ['nothing at all', {}, 'Unknown'],
    ['an unknown source and no referrer', { utmSource: 'newsletter' }, 'Unknown'],
  ])('%s', (_name, inputs, expected) => {
    expect(channelType({ ...NONE, ...inputs })).toBe(expected);
  });
});

// Cases from PostHog's own tests (posthog/hogql/database/schema/test/test_channel_type.py).
describe("channelType agrees with PostHog's test cases", () => {
  it.each<[string, Partial<ChannelInputs>, string]>([
    ['test_direct_null_string', { referringDomain: '$direct', utmSource: 'null', utmMedium: 'null', utmCampaign: 'null', gclid: 'null', gadSource: 'null' }, 'Direct'],
    ['test_cross_network', { referringDomain: '$direct', utmCampaign: 'cross-network' }, 'Cross Network'],
    ['test_paid_shopping_domain', { referringDomain: 'www.ebay.co.uk', utmMedium: 'ppc' }, 'Paid Shopping'],
    ['test_paid_shopping_campaign', { utmCampaign: 'shopping', utmMedium: 'ppc' }, 'Paid Shopping'],
    ['test_paid_search', { referringDomain: 'www.google.co.uk', gclid: 'some-gclid' }, 'Paid Search'],
    ['test_paid_search_source', { utmSource: 'yahoo', utmMedium: 'ppc' }, 'Paid Search'],
    ['test_paid_video', { referringDomain: 'youtube.com', utmMedium: 'cpc' }, 'Paid Video'],
    ['test_paid_video_source', { utmSource: 'youtube.com', utmMedium: 'cpc' }, 'Paid Video'],
    ['test_organic_video', { referringDomain: 'youtube.com' }, 'Organic Video'],
    ['test_direct_with_red_herring_utm_tags_is_direct', { referringDomain: '$direct', utmSource: 'what', utmMedium: 'who', utmCampaign: 'slim shady' }, 'Direct'],
    ['test_unknown_domain_is_referral', { referringDomain: 'some-unknown-domain.example.com' }, 'Referral'],
    ['test_empty_string_session', { utmSource: '', utmMedium: '', utmCampaign: '', gclid: '', gadSource: '' }, 'Unknown'],
    ['referring domain type: yahoo.co.jp is search', { referringDomain: 'yahoo.co.jp' }, 'Organic Search'],
    ['referring domain type: news.ycombinator.com is social', { referringDomain: 'news.ycombinator.com' }, 'Organic Social'],
    ['referring domain type: shopping.yahoo.co.jp is shopping', { referringDomain: 'shopping.yahoo.co.jp' }, 'Organic Shopping'],
  ])('%s', (_name, inputs, expected) => {
    expect(channelType({ ...NONE, ...inputs })).toBe(expected);
  });
});

describe('channel definitions (posthog/models/channel_type/channel_definitions.json)', () => {
  it.each<[string, 'source' | 'medium', string | null, string | null]>([
    ['google', 'source', 'Paid Search', 'Organic Search'],
    ['t.co', 'source', 'Paid Social', 'Organic Social'],
    ['twitch.tv', 'source', 'Paid Video', 'Organic Video'],
    ['shopify.com', 'source', 'Paid Shopping', 'Organic Shopping'],
    ['outlook.live.com', 'source', null, 'Email'],
    ['e mail', 'source', null, 'Email'],
    ['social media', 'medium', 'Paid Social', 'Organic Social'],
    ['partnerships', 'medium', null, 'Affiliate'],
  ])('%s (%s)', (key, kind, typeIfPaid, typeIfOrganic) => {
    const table = kind === 'source' ? SOURCE_DEFINITIONS : MEDIUM_DEFINITIONS;
    expect(table.get(key)).toEqual({ typeIfPaid, typeIfOrganic });
  });
});

// Every "medium" row and every source row that is not a domain list, as PostHog's dictionary has
// them, through the rule itself: organic (nothing else set) and paid (a gclid, nothing else set —
// a row with no paid type then falls through to Paid Unknown).
describe('each utm_medium and special utm_source row decides the channel', () => {
  it.each<[string, string | null, string]>([
    ['affiliate', null, 'Affiliate'],
    ['app', null, 'Referral'],
    ['audio', null, 'Audio'],
    ['banner', 'Display', 'Display'],
    ['cpm', 'Display', 'Display'],
    ['display', 'Display', 'Display'],
    ['e mail', null, 'Email'],
    ['e-mail', null, 'Email'],
    ['e_mail', null, 'Email'],
    ['email', null, 'Email'],
    ['expandable', 'Display', 'Display'],
    ['interstitial', 'Display', 'Display'],
    ['link', null, 'Referral'],
    ['mobile', null, 'Push'],
    ['notification', null, 'Push'],
    ['partnership', null, 'Affiliate'],
    ['partnerships', null, 'Affiliate'],
    ['push', null, 'Push'],
    ['referral', null, 'Referral'],
    ['sm', 'Paid Social', 'Organic Social'],
    ['social', 'Paid Social', 'Organic Social'],
    ['social media', 'Paid Social', 'Organic Social'],
    ['social network', 'Paid Social', 'Organic Social'],
    ['social-media', 'Paid Social', 'Organic Social'],
    ['social-network', 'Paid Social', 'Organic Social'],
    ['video', 'Paid Video', 'Organic Video'],
  ])('utm_medium=%j: paid %j, organic %j', (medium, paid, organic) => {
    expect(channelType({ ...NONE, utmMedium: medium })).toBe(organic);
    expect(channelType({ ...NONE, utmMedium: medium, gclid: 'g' })).toBe(paid ?? 'Paid Unknown');
  });

  it.each<[string, string]>([
    ['e mail', 'Email'],
    ['e-mail', 'Email'],
    ['e_mail', 'Email'],
    ['email', 'Email'],
    ['firebase', 'Push'],
    ['sms', 'SMS'],
  ])('utm_source=%j: organic %j, paid falls through', (source, organic) => {
    expect(channelType({ ...NONE, utmSource: source })).toBe(organic);
    expect(channelType({ ...NONE, utmSource: source, gclid: 'g' })).toBe('Paid Unknown');
  });

  it('a medium PostHog has no row for decides nothing', () => {
    expect(channelType({ ...NONE, utmMedium: 'newsletter' })).toBe('Unknown');
    expect(channelType({ ...NONE, utmMedium: 'newsletter', gclid: 'g' })).toBe('Paid Unknown');
  });
});

// The Direct rule comes before the organic lookups: a $direct visit with no medium and no (or a
// "direct") source is Direct even when its campaign would say shopping or video.
describe('Direct before the organic lookups', () => {
  it.each<[string, Partial<ChannelInputs>, string]>([
    ['no source, a shopping campaign', { referringDomain: '$direct', utmCampaign: 'shopping_week' }, 'Direct'],
    ['no source, a video campaign', { referringDomain: '$direct', utmCampaign: 'launch_video' }, 'Direct'],
    ['"(direct)" source, a shopping campaign', { referringDomain: '$direct', utmSource: '(direct)', utmCampaign: 'shop' }, 'Direct'],
    ['"direct" source, a shopping campaign', { referringDomain: '$direct', utmSource: 'direct', utmCampaign: 'shop' }, 'Direct'],
    ['"$direct" source, a shopping campaign', { referringDomain: '$direct', utmSource: '$direct', utmCampaign: 'shop' }, 'Direct'],
    ['a medium is not Direct', { referringDomain: '$direct', utmMedium: 'social' }, 'Organic Social'],
    ['a known source is not Direct', { referringDomain: '$direct', utmSource: 'google' }, 'Organic Search'],
    ['another referrer with a shopping campaign', { referringDomain: 'blog.example.com', utmCampaign: 'shop' }, 'Organic Shopping'],
    // "shop" at the very start counts (the `|^` of PostHog's pattern).
    ['a campaign that is just "shop"', { utmCampaign: 'shop' }, 'Organic Shopping'],
  ])('%s', (_name, inputs, expected) => {
    expect(channelType({ ...NONE, ...inputs })).toBe(expected);
  });

  // PostHog's paid mediums: each makes a search source Paid Search (organic would be Organic Search).
  it.each(['cpc', 'cpm', 'cpv', 'cpa', 'ppc', 'retargeting', 'paid', 'paidsearch'])('utm_medium=%j is paid', (medium) => {
    expect(channelType({ ...NONE, utmMedium: medium, utmSource: 'google' })).toBe('Paid Search');
  });
  it.each(['cpx', 'unpaid', 'retarget'])('utm_medium=%j is not paid', (medium) => {
    expect(channelType({ ...NONE, utmMedium: medium, utmSource: 'google' })).toBe('Organic Search');
  });
});

describe('nullIfEmpty: missing is null, never undefined', () => {
  it.each<[string | null | undefined, string | null]>([
    [undefined, null],
    [null, null],
    ['', null],
    ['null', null],
    ['NULL', 'NULL'], // ClickHouse compares case-sensitively
    [' ', ' '],
    ['x', 'x'],
  ])('%j → %j', (value, expected) => {
    expect(nullIfEmpty(value)).toBe(expected);
  });
});

describe('ClickHouse URL functions', () => {
  it.each([
    ['https://www.example.com:8080/a?b#c', 'www.example.com'],
    ['https://user@sub.example.org/', 'sub.example.org'],
    ['example.com/path', 'example.com'],
    ['//cdn.example.net/x', 'cdn.example.net'],
    ['http://localhost:5174/x', ''],
    ['not a url', ''],
    ['$direct', ''],
    ['', ''],
    ['https://example.com', 'example.com'], // the host runs to the end
    ['svn+ssh://git.example.com/repo', 'git.example.com'], // + . - are scheme characters
    ['a-b.c://x.example.com/', 'x.example.com'],
    ['a b.example.com', ''], // a space before any scheme end: invalid
    ['https://exa mple.com/', ''], // a space inside the host: invalid
    ['https://exa<mple.com/', ''],
    // Every character ClickHouse refuses in a host (and in a scheme) makes the domain empty.
    ...[' ', '\t', '<', '>', '%', '{', '}', '|', '\\', '^', '~', '[', ']', ';', '=', '&'].map((c) => [`https://exa${c}mple.com/`, '']),
    ['abcdefghijklm://x.example.com/', 'x.example.com'], // a scheme may end within the first 16 characters
    ['abcdefghijklmn://x.example.com/', ''], // …not later: then the host is "abcdefghijklmn", which has no dot
    ['https://user:pw@example.com/', ''], // ClickHouse stops at the first ':' (the password's), before '@'
    ['https://a.b@/x', ''], // userinfo, then no host
    ['https://example./x', ''], // a host ending in a dot
    ['https://.com/', '.com'],
    ['https://example.com?x=1', 'example.com'],
    ['https://example.com#top', 'example.com'],
    ['ftp://files.example.com:21', 'files.example.com'],
    ['a/b.example.com', ''], // one slash after a word is no scheme: the host is "a"
    ['/x.example.com/p', ''], // a path, not "//" + host
    ['.com/x', '.com'], // a dot at position 0 still counts
    ['https://example.', ''], // ends in its dot
  ])('domain(%j) = %j', (url, host) => {
    expect(urlDomain(url)).toBe(host);
  });

  it.each([
    ['https://example.com/a/b?x=1#f', '/a/b'],
    ['https://example.com/#/cart', '/'],
    ['https://example.com', ''],
    ['https://example.com?next=/y', '/y'],
    ['example.com/p', '/p'],
    ['example.com', ''], // no slash at all
    ['//cdn.example.net/x/y', '/x/y'],
    ['//cdn.example.net', ''],
    ['/relative/path?q=1', '/relative/path'],
    ['https://example.com/a#b?c', '/a'],
    ['https://example.com/a/b/', '/a/b/'],
  ])('path(%j) = %j', (url, path) => {
    expect(urlPath(url)).toBe(path);
  });

  it.each([
    ['news.ycombinator.com', 'ycombinator.com'],
    ['www.google.co.uk', 'google.co.uk'],
    ['https://m.facebook.com/x', 'facebook.com'],
    ['bing.com.cn', 'bing.com.cn'],
    ['t.co', 't.co'],
    ['www.tr', 'tr'],
    ['google', ''],
    ['', ''],
    ['www.a', 'a'],
    ['www.', ''], // a trailing dot is no host
    // A host that starts with a period: that period counts (ClickHouse keeps pointers to each).
    ['.example.com', 'example.com'],
    ['https://.a.co.uk', 'a.co.uk'],
    ['shop.example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['x.example.com.cn', 'example.com.cn'],
    ['co.uk', 'co.uk'],
    ['shop.co.usa', 'co.usa'], // a suffix needs a two-letter country
    ['shop.co.u1', 'co.u1'],
    ['shop.example.uk', 'example.uk'],
    ['https://www.bbc.co.uk/news', 'bbc.co.uk'],
    // A real registrable name under each generic second-level label Lasso treats as a suffix.
    ['www.ox.ac.uk', 'ox.ac.uk'],
    ['www.abc.com.au', 'abc.com.au'],
    ['www.unsw.edu.au', 'unsw.edu.au'],
    ['www.kantei.go.jp', 'kantei.go.jp'],
    ['www.argentina.gob.ar', 'argentina.gob.ar'],
    ['www.service.gov.uk', 'service.gov.uk'],
    ['www.dia.govt.nz', 'dia.govt.nz'],
    ['www.tesco.ltd.uk', 'tesco.ltd.uk'],
    ['www.shop.me.uk', 'shop.me.uk'],
    ['www.army.mil.br', 'army.mil.br'],
    ['www.yahoo.ne.jp', 'yahoo.ne.jp'],
    ['www.abc.net.au', 'abc.net.au'],
    ['www.registro.nic.ar', 'registro.nic.ar'],
    ['www.dupont.nom.fr', 'dupont.nom.fr'],
    ['www.ntt.or.jp', 'ntt.or.jp'],
    ['www.wikimedia.org.uk', 'wikimedia.org.uk'],
    ['www.barclays.plc.uk', 'barclays.plc.uk'],
    ['www.eton.sch.uk', 'eton.sch.uk'],
  ])('cutToFirstSignificantSubdomain(%j) = %j', (value, cut) => {
    expect(cutToFirstSignificantSubdomain(value)).toBe(cut);
  });
});
