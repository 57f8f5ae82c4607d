// @ts-nocheck
import type { PostHogTarget, SegmentTarget, Target, TargetInput, TargetKind, TargetView, WebhookHeader, WebhookTarget } from './types';

/** PostHog Cloud capture hosts. */
export const POSTHOG_HOSTS = { us: 'https://us.i.posthog.com', eu: 'https://eu.i.posthog.com' } as const;

/** A refused target: `problems` name each field; no message ever contains a secret. */
export class TargetError extends Error {
  override name = 'TargetError';
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);
// Header names the browser or the sync itself sets; a user value would break the request.
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'host', 'idempotency-key', 'x-lasso-signature']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** Why `text` is not an acceptable target address, or null. Only https, except localhost and 127.0.0.1. */
export function endpointProblem(text: string, what: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${what} is not a URL (expected e.g. https://example.com)`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL.has(url.hostname))) {
    return `${what} must use https (plain http only for localhost or 127.0.0.1)`;
  }
  if (url.username || url.password) return `${what} must not contain a user name or password`;
  return null;
}

/**
 * The match pattern of the origin a target (as entered) sends to, for the browser's host
 * permission (patterns have no port); null when the address is not acceptable yet.
 */
export function originPattern(input: Pick<TargetInput, 'kind' | 'host' | 'url' | 'hostPreset'>): string | null {
  const address = input.kind === 'webhook' ? input.url : input.kind === 'posthog' && (input.hostPreset === 'us' || input.hostPreset === 'eu') ? POSTHOG_HOSTS[input.hostPreset] : input.host;
  if (!address || endpointProblem(address.trim(), 'address')) return null;
  const url = new URL(address.trim());
  return `${url.protocol}//${url.hostname}/*`;
}

/** Where a target's requests go: its capture host or webhook URL. */
export function endpointOf(target: Target): string {
  return target.kind === 'webhook' ? target.url : target.host;
}

const trimHost = (host: string): string => host.trim().replace(/\/+$/, '');

/**
 * Check and normalise a target from the options page. `previous` (an update) supplies the
 * secrets left blank. Throws TargetError naming every problem; `newId` numbers new targets.
 */
export function validateTarget(input: TargetInput, previous: Target | undefined, newId: () => string): Target {
  const problems: { path: string; message: string }[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  const kind = input.kind as TargetKind;
  if (!['posthog', 'segment', 'webhook'].includes(kind)) throw new TargetError([{ path: 'kind', message: 'choose PostHog, Segment-compatible or webhook' }]);
  if (previous && previous.kind !== kind) bad('kind', 'a target cannot change kind; add a new one');
  const name = (input.name ?? '').trim();
  if (!name) bad('name', 'give the target a name');
  else if (name.length > 100) bad('name', 'at most 100 characters');
  const sites = input.sites ?? [];
  if (!Array.isArray(sites) || sites.some((s) => typeof s !== 'string' || !s.trim() || s.length > 262)) bad('sites', 'a list of sites such as shop.example.com or 127.0.0.1:5174');
  const actions = input.actions ?? [];
  if (!Array.isArray(actions) || actions.some((a) => typeof a !== 'string')) bad('actions', 'a list of saved action ids');
  const cohorts = input.cohorts ?? previous?.cohorts ?? [];
  if (!Array.isArray(cohorts) || cohorts.some((c) => typeof c !== 'string')) bad('cohorts', 'a list of saved cohort ids');
  const start = input.start ?? previous?.start ?? 'now';
  if (start !== 'backfill' && start !== 'now') bad('start', 'choose "send history" or "start from now"');
  const secret = (value: string | undefined, kept: string | undefined, path: string, label: string): string => {
    const v = (value ?? '').trim();
    if (v) return v;
    if (kept) return kept;
    bad(path, `enter the ${label}`);
    return '';
  };
  const common = {
    id: previous?.id ?? newId(),
    name,
    sites: sites.map((s) => s.trim()),
    actions,
    cohorts,
    start,
    paused: input.paused ?? previous?.paused ?? false,
    ...(previous?.pausedReason && (input.paused ?? previous.paused) ? { pausedReason: previous.pausedReason } : {}),
  };
  let target: Target;
  if (kind === 'posthog') {
    const host = trimHost(input.hostPreset === 'us' || input.hostPreset === 'eu' ? POSTHOG_HOSTS[input.hostPreset] : (input.host ?? ''));
    const problem = endpointProblem(host, 'the PostHog host');
    if (problem) bad('host', problem);
    const apiKey = secret(input.apiKey, (previous as PostHogTarget | undefined)?.apiKey, 'apiKey', 'project API key (phc_…)');
    if (apiKey.startsWith('phx_')) bad('apiKey', 'that is a personal API key (phx_…); capture needs the project API key (phc_…)');
    target = { ...common, kind, host, apiKey };
  } else if (kind === 'segment') {
    const host = trimHost(input.host ?? '');
    const problem = endpointProblem(host, 'the host');
    if (problem) bad('host', problem);
    const writeKey = secret(input.writeKey, (previous as SegmentTarget | undefined)?.writeKey, 'writeKey', 'write key');
    target = { ...common, kind, host, writeKey };
  } else {
    const url = (input.url ?? '').trim();
    const problem = endpointProblem(url, 'the webhook URL');
    if (problem) bad('url', problem);
    const old = previous as WebhookTarget | undefined;
    const headers: WebhookHeader[] = [];
    (input.headers ?? []).forEach((h, i) => {
      const headerName = (h?.name ?? '').trim();
      if (!headerName && !h?.value) return;
      if (!HEADER_NAME.test(headerName)) bad(`headers[${i}].name`, 'not a valid header name');
      else if (RESERVED_HEADERS.has(headerName.toLowerCase())) bad(`headers[${i}].name`, `${headerName} is set by Lasso`);
      // A blank value on an update keeps the stored one (values are never sent to the page).
      const value = h.value || old?.headers.find((o) => o.name.toLowerCase() === headerName.toLowerCase())?.value || '';
      if (/[\r\n]/.test(value)) bad(`headers[${i}].value`, 'must be one line');
      headers.push({ name: headerName, value });
    });
    const format = input.format ?? old?.format ?? 'json';
    if (format !== 'json' && format !== 'ndjson') bad('format', 'choose JSON array or NDJSON');
    // An explicit empty string clears the signing secret; undefined keeps it.
    const signing = input.secret === undefined ? (old?.secret ?? '') : input.secret.trim();
    target = { ...common, kind, url, headers, format, gzip: input.gzip ?? old?.gzip ?? false, secret: signing };
  }
  if (problems.length) throw new TargetError(problems);
  return target;
}

/** A target without its secrets: what the options page receives. */
export function viewOf(target: Target): TargetView {
  const { id, kind, name, sites, actions, cohorts = [], start, paused, pausedReason } = target;
  const common = { id, kind, name, sites, actions, cohorts, start, paused, ...(pausedReason ? { pausedReason } : {}) };
  if (target.kind === 'posthog') return { ...common, endpoint: target.host, hasKey: !!target.apiKey };
  if (target.kind === 'segment') return { ...common, endpoint: target.host, hasKey: !!target.writeKey };
  return { ...common, endpoint: target.url, format: target.format, gzip: target.gzip, headerNames: target.headers.map((h) => h.name), hasKey: target.headers.length > 0, hasSecret: !!target.secret };
}
