/** Browser, OS and device type from a user-agent string, named as posthog-js names them. */
// @ts-nocheck

export interface UserAgentInfo {
  $browser: string;
  $browser_version: number | null;
  $os: string;
  $os_version: string;
  $device_type: 'Desktop' | 'Mobile' | 'Tablet';
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [string, RegExp][] = [
  ['Microsoft Edge', /Edg(?:e|A|iOS)?\/(\d+(?:\.\d+)?)/],
  ['Opera', /(?:OPR|Opera)\/(\d+(?:\.\d+)?)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+(?:\.\d+)?)/],
  ['Firefox iOS', /FxiOS\/(\d+(?:\.\d+)?)/],
  ['Firefox', /Firefox\/(\d+(?:\.\d+)?)/],
  ['Chrome iOS', /CriOS\/(\d+(?:\.\d+)?)/],
  ['Chrome', /(?:Chrome|Chromium)\/(\d+(?:\.\d+)?)/],
  ['Mobile Safari', /Version\/(\d+(?:\.\d+)?).*Mobile.*Safari/],
  ['Safari', /Version\/(\d+(?:\.\d+)?).*Safari/],
];

const OSES: [string, RegExp, (m: RegExpMatchArray) => string][] = [
  ['Windows', /Windows NT ([\d.]+)/, (m) => m[1]],
  ['iOS', /(?:iPhone|iPad|iPod).*? OS (\d+)[_.](\d+)(?:[_.](\d+))?/, (m) => [m[1], m[2], m[3] ?? '0'].join('.')],
  ['Android', /Android ([\d.]+)/, (m) => m[1]],
  ['Mac OS X', /Mac OS X (\d+)[_.](\d+)(?:[_.](\d+))?/, (m) => [m[1], m[2], m[3] ?? '0'].join('.')],
  ['Chrome OS', /CrOS/, () => ''],
  ['Linux', /Linux/, () => ''],
];

/** Parse `ua` (pure; table-tested). Unknown parts come back as empty strings / null. */
export function parseUserAgent(ua: string): UserAgentInfo {
  let $browser = '';
  let $browser_version: number | null = null;
  for (const [name, re] of BROWSERS) {
    const m = ua.match(re);
    if (m) {
      $browser = name;
      $browser_version = parseFloat(m[1]);
      break;
    }
  }
  let $os = '';
  let $os_version = '';
  for (const [name, re, version] of OSES) {
    const m = ua.match(re);
    if (m) {
      $os = name;
      $os_version = version(m);
      break;
    }
  }
  const tablet = /iPad|Tablet|Android(?!.*Mobile)/.test(ua);
  const mobile = !tablet && /Mobi|iPhone|iPod|Android.*Mobile/.test(ua);
  return { $browser, $browser_version, $os, $os_version, $device_type: tablet ? 'Tablet' : mobile ? 'Mobile' : 'Desktop' };
}
