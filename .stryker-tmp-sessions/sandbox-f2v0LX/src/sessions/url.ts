/**
 * The three ClickHouse URL functions PostHog's sessions table applies, with ClickHouse's exact
 * (and sometimes surprising) results, so Lasso's values match what PostHog shows:
 *
 * - `domain(url)` → `$entry_hostname` / `$end_hostname` (sessions_v2.py),
 * - `path(url)` → `$entry_pathname` / `$end_pathname` (sessions_v2.py),
 * - `cutToFirstSignificantSubdomain(x)` → the fallback key of the channel dictionary lookups
 *   (the HogQL printer's `lookupPaidSourceType` / `lookupOrganicSourceType`).
 *
 * Behaviour follows ClickHouse's src/Functions/URL/domain.h (getURLHost, checkAndReturnHost),
 * path.cpp and firstSignificantSubdomain.h: e.g. a host needs a dot (`http://localhost/` has
 * domain ''), and `www.` is dropped before finding the significant subdomain.
 */
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
const SCHEME_STOP = new Set(stryMutAct_9fa48("587") ? [] : (stryCov_9fa48("587"), [stryMutAct_9fa48("588") ? "" : (stryCov_9fa48("588"), ' '), stryMutAct_9fa48("589") ? "" : (stryCov_9fa48("589"), '\t'), stryMutAct_9fa48("590") ? "" : (stryCov_9fa48("590"), '<'), stryMutAct_9fa48("591") ? "" : (stryCov_9fa48("591"), '>'), stryMutAct_9fa48("592") ? "" : (stryCov_9fa48("592"), '%'), stryMutAct_9fa48("593") ? "" : (stryCov_9fa48("593"), '{'), stryMutAct_9fa48("594") ? "" : (stryCov_9fa48("594"), '}'), stryMutAct_9fa48("595") ? "" : (stryCov_9fa48("595"), '|'), stryMutAct_9fa48("596") ? "" : (stryCov_9fa48("596"), '\\'), stryMutAct_9fa48("597") ? "" : (stryCov_9fa48("597"), '^'), stryMutAct_9fa48("598") ? "" : (stryCov_9fa48("598"), '~'), stryMutAct_9fa48("599") ? "" : (stryCov_9fa48("599"), '['), stryMutAct_9fa48("600") ? "" : (stryCov_9fa48("600"), ']'), stryMutAct_9fa48("601") ? "" : (stryCov_9fa48("601"), ';'), stryMutAct_9fa48("602") ? "" : (stryCov_9fa48("602"), '='), stryMutAct_9fa48("603") ? "" : (stryCov_9fa48("603"), '&')]));
const HOST_END = new Set(stryMutAct_9fa48("604") ? [] : (stryCov_9fa48("604"), [stryMutAct_9fa48("605") ? "" : (stryCov_9fa48("605"), ':'), stryMutAct_9fa48("606") ? "" : (stryCov_9fa48("606"), '/'), stryMutAct_9fa48("607") ? "" : (stryCov_9fa48("607"), '?'), stryMutAct_9fa48("608") ? "" : (stryCov_9fa48("608"), '#')]));
const isAlphaNumericAscii = stryMutAct_9fa48("609") ? () => undefined : (stryCov_9fa48("609"), (() => {
  const isAlphaNumericAscii = (c: string): boolean => (stryMutAct_9fa48("612") ? /^[^A-Za-z0-9]$/ : stryMutAct_9fa48("611") ? /^[A-Za-z0-9]/ : stryMutAct_9fa48("610") ? /[A-Za-z0-9]$/ : (stryCov_9fa48("610", "611", "612"), /^[A-Za-z0-9]$/)).test(c);
  return isAlphaNumericAscii;
})());

/** Where the host starts: after `//`, after `scheme://` (scheme within the first 16 chars), or at 0; -1 = invalid. */
function hostStart(url: string): number {
  if (stryMutAct_9fa48("613")) {
    {}
  } else {
    stryCov_9fa48("613");
    if (stryMutAct_9fa48("616") ? url.length >= 2 && url[0] === '/' || url[1] === '/' : stryMutAct_9fa48("615") ? false : stryMutAct_9fa48("614") ? true : (stryCov_9fa48("614", "615", "616"), (stryMutAct_9fa48("618") ? url.length >= 2 || url[0] === '/' : stryMutAct_9fa48("617") ? true : (stryCov_9fa48("617", "618"), (stryMutAct_9fa48("621") ? url.length < 2 : stryMutAct_9fa48("620") ? url.length > 2 : stryMutAct_9fa48("619") ? true : (stryCov_9fa48("619", "620", "621"), url.length >= 2)) && (stryMutAct_9fa48("623") ? url[0] !== '/' : stryMutAct_9fa48("622") ? true : (stryCov_9fa48("622", "623"), url[0] === (stryMutAct_9fa48("624") ? "" : (stryCov_9fa48("624"), '/')))))) && (stryMutAct_9fa48("626") ? url[1] !== '/' : stryMutAct_9fa48("625") ? true : (stryCov_9fa48("625", "626"), url[1] === (stryMutAct_9fa48("627") ? "" : (stryCov_9fa48("627"), '/')))))) return 2;
    const schemeEnd = stryMutAct_9fa48("628") ? Math.max(url.length, 16) : (stryCov_9fa48("628"), Math.min(url.length, 16));
    let pos = 1;
    for (; stryMutAct_9fa48("631") ? pos >= schemeEnd : stryMutAct_9fa48("630") ? pos <= schemeEnd : stryMutAct_9fa48("629") ? false : (stryCov_9fa48("629", "630", "631"), pos < schemeEnd); stryMutAct_9fa48("632") ? pos-- : (stryCov_9fa48("632"), pos++)) {
      if (stryMutAct_9fa48("633")) {
        {}
      } else {
        stryCov_9fa48("633");
        const c = url[pos];
        if (stryMutAct_9fa48("636") ? (isAlphaNumericAscii(c) || c === '.' || c === '-') && c === '+' : stryMutAct_9fa48("635") ? false : stryMutAct_9fa48("634") ? true : (stryCov_9fa48("634", "635", "636"), (stryMutAct_9fa48("638") ? (isAlphaNumericAscii(c) || c === '.') && c === '-' : stryMutAct_9fa48("637") ? false : (stryCov_9fa48("637", "638"), (stryMutAct_9fa48("640") ? isAlphaNumericAscii(c) && c === '.' : stryMutAct_9fa48("639") ? false : (stryCov_9fa48("639", "640"), isAlphaNumericAscii(c) || (stryMutAct_9fa48("642") ? c !== '.' : stryMutAct_9fa48("641") ? false : (stryCov_9fa48("641", "642"), c === (stryMutAct_9fa48("643") ? "" : (stryCov_9fa48("643"), '.')))))) || (stryMutAct_9fa48("645") ? c !== '-' : stryMutAct_9fa48("644") ? false : (stryCov_9fa48("644", "645"), c === (stryMutAct_9fa48("646") ? "" : (stryCov_9fa48("646"), '-')))))) || (stryMutAct_9fa48("648") ? c !== '+' : stryMutAct_9fa48("647") ? false : (stryCov_9fa48("647", "648"), c === (stryMutAct_9fa48("649") ? "" : (stryCov_9fa48("649"), '+')))))) continue;
        if (stryMutAct_9fa48("651") ? false : stryMutAct_9fa48("650") ? true : (stryCov_9fa48("650", "651"), SCHEME_STOP.has(c))) return stryMutAct_9fa48("652") ? +1 : (stryCov_9fa48("652"), -1);
        break;
      }
    }
    return (stryMutAct_9fa48("655") ? schemeEnd - pos > 2 || url.startsWith('://', pos) : stryMutAct_9fa48("654") ? false : stryMutAct_9fa48("653") ? true : (stryCov_9fa48("653", "654", "655"), (stryMutAct_9fa48("658") ? schemeEnd - pos <= 2 : stryMutAct_9fa48("657") ? schemeEnd - pos >= 2 : stryMutAct_9fa48("656") ? true : (stryCov_9fa48("656", "657", "658"), (stryMutAct_9fa48("659") ? schemeEnd + pos : (stryCov_9fa48("659"), schemeEnd - pos)) > 2)) && (stryMutAct_9fa48("660") ? url.endsWith('://', pos) : (stryCov_9fa48("660"), url.startsWith(stryMutAct_9fa48("661") ? "" : (stryCov_9fa48("661"), '://'), pos))))) ? stryMutAct_9fa48("662") ? pos - 3 : (stryCov_9fa48("662"), pos + 3) : 0;
  }
}
function checkedHost(url: string, end: number, dot: number, start: number): string {
  if (stryMutAct_9fa48("663")) {
    {}
  } else {
    stryCov_9fa48("663");
    if (stryMutAct_9fa48("666") ? (dot < 0 || start >= end) && end - dot === 1 : stryMutAct_9fa48("665") ? false : stryMutAct_9fa48("664") ? true : (stryCov_9fa48("664", "665", "666"), (stryMutAct_9fa48("668") ? dot < 0 && start >= end : stryMutAct_9fa48("667") ? false : (stryCov_9fa48("667", "668"), (stryMutAct_9fa48("671") ? dot >= 0 : stryMutAct_9fa48("670") ? dot <= 0 : stryMutAct_9fa48("669") ? false : (stryCov_9fa48("669", "670", "671"), dot < 0)) || (stryMutAct_9fa48("674") ? start < end : stryMutAct_9fa48("673") ? start > end : stryMutAct_9fa48("672") ? false : (stryCov_9fa48("672", "673", "674"), start >= end)))) || (stryMutAct_9fa48("676") ? end - dot !== 1 : stryMutAct_9fa48("675") ? false : (stryCov_9fa48("675", "676"), (stryMutAct_9fa48("677") ? end + dot : (stryCov_9fa48("677"), end - dot)) === 1)))) return stryMutAct_9fa48("678") ? "Stryker was here!" : (stryCov_9fa48("678"), '');
    if (stryMutAct_9fa48("680") ? false : stryMutAct_9fa48("679") ? true : (stryCov_9fa48("679", "680"), HOST_END.has(url[stryMutAct_9fa48("681") ? dot - 1 : (stryCov_9fa48("681"), dot + 1)]))) return stryMutAct_9fa48("682") ? "Stryker was here!" : (stryCov_9fa48("682"), '');
    return stryMutAct_9fa48("683") ? url : (stryCov_9fa48("683"), url.slice(start, end));
  }
}

/** ClickHouse `domain(url)`: the host without port or userinfo; '' when there is no valid host. */
export function urlDomain(url: string): string {
  if (stryMutAct_9fa48("684")) {
    {}
  } else {
    stryCov_9fa48("684");
    let pos = hostStart(url);
    if (stryMutAct_9fa48("688") ? pos >= 0 : stryMutAct_9fa48("687") ? pos <= 0 : stryMutAct_9fa48("686") ? false : stryMutAct_9fa48("685") ? true : (stryCov_9fa48("685", "686", "687", "688"), pos < 0)) return stryMutAct_9fa48("689") ? "Stryker was here!" : (stryCov_9fa48("689"), '');
    let start = pos;
    let dot = stryMutAct_9fa48("690") ? +1 : (stryCov_9fa48("690"), -1);
    for (; stryMutAct_9fa48("693") ? pos >= url.length : stryMutAct_9fa48("692") ? pos <= url.length : stryMutAct_9fa48("691") ? false : (stryCov_9fa48("691", "692", "693"), pos < url.length); stryMutAct_9fa48("694") ? pos-- : (stryCov_9fa48("694"), pos++)) {
      if (stryMutAct_9fa48("695")) {
        {}
      } else {
        stryCov_9fa48("695");
        const c = url[pos];
        if (stryMutAct_9fa48("698") ? c !== '.' : stryMutAct_9fa48("697") ? false : stryMutAct_9fa48("696") ? true : (stryCov_9fa48("696", "697", "698"), c === (stryMutAct_9fa48("699") ? "" : (stryCov_9fa48("699"), '.')))) dot = pos;else if (stryMutAct_9fa48("701") ? false : stryMutAct_9fa48("700") ? true : (stryCov_9fa48("700", "701"), HOST_END.has(c))) return checkedHost(url, pos, dot, start);else if (stryMutAct_9fa48("704") ? c !== '@' : stryMutAct_9fa48("703") ? false : stryMutAct_9fa48("702") ? true : (stryCov_9fa48("702", "703", "704"), c === (stryMutAct_9fa48("705") ? "" : (stryCov_9fa48("705"), '@')))) start = stryMutAct_9fa48("706") ? pos - 1 : (stryCov_9fa48("706"), pos + 1);else if (stryMutAct_9fa48("708") ? false : stryMutAct_9fa48("707") ? true : (stryCov_9fa48("707", "708"), SCHEME_STOP.has(c))) return stryMutAct_9fa48("709") ? "Stryker was here!" : (stryCov_9fa48("709"), '');
      }
    }
    return checkedHost(url, url.length, dot, start);
  }
}

/** ClickHouse `path(url)`: from the first path slash up to `?` or `#`; '' when there is none. */
export function urlPath(url: string): string {
  if (stryMutAct_9fa48("710")) {
    {}
  } else {
    stryCov_9fa48("710");
    let pos = url.indexOf(stryMutAct_9fa48("711") ? "" : (stryCov_9fa48("711"), '/'));
    if (stryMutAct_9fa48("715") ? pos >= 0 : stryMutAct_9fa48("714") ? pos <= 0 : stryMutAct_9fa48("713") ? false : stryMutAct_9fa48("712") ? true : (stryCov_9fa48("712", "713", "714", "715"), pos < 0)) return stryMutAct_9fa48("716") ? "Stryker was here!" : (stryCov_9fa48("716"), '');
    if (stryMutAct_9fa48("719") ? url[pos + 1] !== '/' : stryMutAct_9fa48("718") ? false : stryMutAct_9fa48("717") ? true : (stryCov_9fa48("717", "718", "719"), url[stryMutAct_9fa48("720") ? pos - 1 : (stryCov_9fa48("720"), pos + 1)] === (stryMutAct_9fa48("721") ? "" : (stryCov_9fa48("721"), '/')))) {
      if (stryMutAct_9fa48("722")) {
        {}
      } else {
        stryCov_9fa48("722");
        pos = url.indexOf(stryMutAct_9fa48("723") ? "" : (stryCov_9fa48("723"), '/'), stryMutAct_9fa48("724") ? pos - 2 : (stryCov_9fa48("724"), pos + 2));
        if (stryMutAct_9fa48("728") ? pos >= 0 : stryMutAct_9fa48("727") ? pos <= 0 : stryMutAct_9fa48("726") ? false : stryMutAct_9fa48("725") ? true : (stryCov_9fa48("725", "726", "727", "728"), pos < 0)) return stryMutAct_9fa48("729") ? "Stryker was here!" : (stryCov_9fa48("729"), '');
      }
    }
    const stop = stryMutAct_9fa48("730") ? url.search(/[?#]/) : (stryCov_9fa48("730"), url.slice(pos).search(stryMutAct_9fa48("731") ? /[^?#]/ : (stryCov_9fa48("731"), /[?#]/)));
    return (stryMutAct_9fa48("735") ? stop >= 0 : stryMutAct_9fa48("734") ? stop <= 0 : stryMutAct_9fa48("733") ? false : stryMutAct_9fa48("732") ? true : (stryCov_9fa48("732", "733", "734", "735"), stop < 0)) ? stryMutAct_9fa48("736") ? url : (stryCov_9fa48("736"), url.slice(pos)) : stryMutAct_9fa48("737") ? url : (stryCov_9fa48("737"), url.slice(pos, stryMutAct_9fa48("738") ? pos - stop : (stryCov_9fa48("738"), pos + stop)));
  }
}

/**
 * Second-level labels under which ClickHouse's public-suffix lookup (tldLookup) treats
 * `<label>.<country>` as a suffix, e.g. `co.uk`, `com.au`, `ne.jp`. ClickHouse ships the full
 * public suffix list; Lasso keeps the generic labels under two-letter country codes, which covers
 * the hosts the channel dictionary distinguishes (google.co.uk, yahoo.co.jp, bing.com.cn, …).
 */
const SUFFIX_LABELS = new Set(stryMutAct_9fa48("739") ? [] : (stryCov_9fa48("739"), [stryMutAct_9fa48("740") ? "" : (stryCov_9fa48("740"), 'ac'), stryMutAct_9fa48("741") ? "" : (stryCov_9fa48("741"), 'co'), stryMutAct_9fa48("742") ? "" : (stryCov_9fa48("742"), 'com'), stryMutAct_9fa48("743") ? "" : (stryCov_9fa48("743"), 'edu'), stryMutAct_9fa48("744") ? "" : (stryCov_9fa48("744"), 'go'), stryMutAct_9fa48("745") ? "" : (stryCov_9fa48("745"), 'gob'), stryMutAct_9fa48("746") ? "" : (stryCov_9fa48("746"), 'gov'), stryMutAct_9fa48("747") ? "" : (stryCov_9fa48("747"), 'govt'), stryMutAct_9fa48("748") ? "" : (stryCov_9fa48("748"), 'ltd'), stryMutAct_9fa48("749") ? "" : (stryCov_9fa48("749"), 'me'), stryMutAct_9fa48("750") ? "" : (stryCov_9fa48("750"), 'mil'), stryMutAct_9fa48("751") ? "" : (stryCov_9fa48("751"), 'ne'), stryMutAct_9fa48("752") ? "" : (stryCov_9fa48("752"), 'net'), stryMutAct_9fa48("753") ? "" : (stryCov_9fa48("753"), 'nic'), stryMutAct_9fa48("754") ? "" : (stryCov_9fa48("754"), 'nom'), stryMutAct_9fa48("755") ? "" : (stryCov_9fa48("755"), 'or'), stryMutAct_9fa48("756") ? "" : (stryCov_9fa48("756"), 'org'), stryMutAct_9fa48("757") ? "" : (stryCov_9fa48("757"), 'plc'), stryMutAct_9fa48("758") ? "" : (stryCov_9fa48("758"), 'sch')]));
function isPublicSuffix(lastTwoLabels: string): boolean {
  if (stryMutAct_9fa48("759")) {
    {}
  } else {
    stryCov_9fa48("759");
    const [label, country] = lastTwoLabels.split(stryMutAct_9fa48("760") ? "" : (stryCov_9fa48("760"), '.'));
    return stryMutAct_9fa48("763") ? SUFFIX_LABELS.has(label) || /^[a-z]{2}$/.test(country ?? '') : stryMutAct_9fa48("762") ? false : stryMutAct_9fa48("761") ? true : (stryCov_9fa48("761", "762", "763"), SUFFIX_LABELS.has(label) && (stryMutAct_9fa48("767") ? /^[^a-z]{2}$/ : stryMutAct_9fa48("766") ? /^[a-z]$/ : stryMutAct_9fa48("765") ? /^[a-z]{2}/ : stryMutAct_9fa48("764") ? /[a-z]{2}$/ : (stryCov_9fa48("764", "765", "766", "767"), /^[a-z]{2}$/)).test(stryMutAct_9fa48("768") ? country && '' : (stryCov_9fa48("768"), country ?? (stryMutAct_9fa48("769") ? "Stryker was here!" : (stryCov_9fa48("769"), '')))));
  }
}

/**
 * ClickHouse `cutToFirstSignificantSubdomain(x)`: the registrable part of the host, `www.` dropped
 * (`news.ycombinator.com` → `ycombinator.com`, `www.google.co.uk` → `google.co.uk`); '' when `x`
 * has no valid host (a bare word such as `google` has none).
 */
export function cutToFirstSignificantSubdomain(value: string): string {
  if (stryMutAct_9fa48("770")) {
    {}
  } else {
    stryCov_9fa48("770");
    let host = urlDomain(value);
    if (stryMutAct_9fa48("773") ? host !== '' : stryMutAct_9fa48("772") ? false : stryMutAct_9fa48("771") ? true : (stryCov_9fa48("771", "772", "773"), host === (stryMutAct_9fa48("774") ? "Stryker was here!" : (stryCov_9fa48("774"), '')))) return stryMutAct_9fa48("775") ? "Stryker was here!" : (stryCov_9fa48("775"), '');
    if (stryMutAct_9fa48("778") ? host.length > 4 || host.startsWith('www.') : stryMutAct_9fa48("777") ? false : stryMutAct_9fa48("776") ? true : (stryCov_9fa48("776", "777", "778"), (stryMutAct_9fa48("781") ? host.length <= 4 : stryMutAct_9fa48("780") ? host.length >= 4 : stryMutAct_9fa48("779") ? true : (stryCov_9fa48("779", "780", "781"), host.length > 4)) && (stryMutAct_9fa48("782") ? host.endsWith('www.') : (stryCov_9fa48("782"), host.startsWith(stryMutAct_9fa48("783") ? "" : (stryCov_9fa48("783"), 'www.')))))) host = stryMutAct_9fa48("784") ? host : (stryCov_9fa48("784"), host.slice(4));
    const periods: number[] = stryMutAct_9fa48("785") ? ["Stryker was here"] : (stryCov_9fa48("785"), []);
    for (let i = host.indexOf(stryMutAct_9fa48("786") ? "" : (stryCov_9fa48("786"), '.')); stryMutAct_9fa48("789") ? i < 0 : stryMutAct_9fa48("788") ? i > 0 : stryMutAct_9fa48("787") ? false : (stryCov_9fa48("787", "788", "789"), i >= 0); i = host.indexOf(stryMutAct_9fa48("790") ? "" : (stryCov_9fa48("790"), '.'), stryMutAct_9fa48("791") ? i - 1 : (stryCov_9fa48("791"), i + 1))) periods.push(i);
    if (stryMutAct_9fa48("795") ? periods.length >= 2 : stryMutAct_9fa48("794") ? periods.length <= 2 : stryMutAct_9fa48("793") ? false : stryMutAct_9fa48("792") ? true : (stryCov_9fa48("792", "793", "794", "795"), periods.length < 2)) return host;
    const secondLast = periods[stryMutAct_9fa48("796") ? periods.length + 2 : (stryCov_9fa48("796"), periods.length - 2)];
    const thirdLast = (stryMutAct_9fa48("800") ? periods.length < 3 : stryMutAct_9fa48("799") ? periods.length > 3 : stryMutAct_9fa48("798") ? false : stryMutAct_9fa48("797") ? true : (stryCov_9fa48("797", "798", "799", "800"), periods.length >= 3)) ? periods[stryMutAct_9fa48("801") ? periods.length + 3 : (stryCov_9fa48("801"), periods.length - 3)] : stryMutAct_9fa48("802") ? +1 : (stryCov_9fa48("802"), -1);
    const start = isPublicSuffix(stryMutAct_9fa48("803") ? host : (stryCov_9fa48("803"), host.slice(stryMutAct_9fa48("804") ? secondLast - 1 : (stryCov_9fa48("804"), secondLast + 1)))) ? stryMutAct_9fa48("805") ? thirdLast - 1 : (stryCov_9fa48("805"), thirdLast + 1) : stryMutAct_9fa48("806") ? secondLast - 1 : (stryCov_9fa48("806"), secondLast + 1);
    return stryMutAct_9fa48("807") ? host : (stryCov_9fa48("807"), host.slice(start));
  }
}