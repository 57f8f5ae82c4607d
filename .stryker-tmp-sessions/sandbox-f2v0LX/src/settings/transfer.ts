// @ts-nocheck
import type { Target, TargetKind } from '../sync/types';
import { parseHosts, type PageTrafficSite } from './page-traffic';
import { parseDataAttributes } from './data-attributes';
import { RETENTION_LIMITS, retentionValue, type Settings } from './settings';
import { normalizeHost } from './site';

/**
 * Settings moved between browsers as a JSON file (issue 13): capture sites, page-traffic
 * sources, retention, selector data attributes and sync targets. Secrets leave only when the user ticks "include keys".
 * Version 1 of the file; any other version is refused, never guessed at.
 */
export const SETTINGS_FILE_FORMAT = 'lasso-settings';
export const SETTINGS_FILE_VERSION = 1;

/** The settings carried by a file (the per-browser ones, such as the global pause, stay behind). */
export type PortableSettings = Pick<Settings, 'enabledSites' | 'allSites' | 'pageTraffic' | 'retentionDays' | 'retentionMB' | 'selectorAttributes'>;

/**
 * What a target's actions and cohorts are called, so another browser (where ids differ) finds its
 * own: an action by site and name, a cohort by name.
 */
export interface PortableRefs {
  actions: { id: string; site: string; name: string }[];
  cohorts: { id: string; name: string }[];
}

/** A target in a file: no id or state; secrets only when exported with keys. */
export interface PortableTarget {
  kind: TargetKind;
  name: string;
  sites: string[];
  /** Action ids (this browser's); `refs` names them. */
  actions: string[];
  /** Cohort ids (this browser's); `refs` names them. Files from before cohorts lack it. */
  cohorts: string[];
  refs?: PortableRefs;
  start: 'backfill' | 'now';
  paused: boolean;
  /** Capture host (PostHog, Segment-compatible) or webhook URL. */
  endpoint: string;
  format?: 'json' | 'ndjson';
  gzip?: boolean;
  /** Webhook header names, with their values when keys are included. */
  headers?: { name: string; value?: string }[];
  /** API key / write key (when included). */
  key?: string;
  /** Webhook signing secret (when included). */
  secret?: string;
}

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  exportedAt: string;
  settings: PortableSettings;
  targets: PortableTarget[];
}

/** A file that cannot be imported; `problems` name each place (`targets[0].kind: …`). */
export class SettingsFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`This is not a Lasso settings file Lasso can import: ${problems.join('; ')}`);
    this.name = 'SettingsFileError';
  }
}

/** The saved actions and cohorts a target may name (for `refs`). */
export interface NamedThings {
  actions: { id: string; site: string; name: string }[];
  cohorts: { id: string; name: string }[];
}

/** The file's content for `settings` and `targets` (secrets only with `includeKeys`; `named` lets refs name actions and cohorts). */
export function exportSettings(settings: Settings, targets: Target[], opts: { includeKeys: boolean; now: number; named?: NamedThings }): SettingsFile {
  const { enabledSites, allSites, pageTraffic, retentionDays, retentionMB, selectorAttributes } = settings;
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: new Date(opts.now).toISOString(),
    settings: { enabledSites: [...enabledSites], allSites, pageTraffic: pageTraffic.map((p) => ({ site: p.site, hosts: [...p.hosts] })), retentionDays, retentionMB, selectorAttributes: [...selectorAttributes] },
    targets: targets.map((t) => portable(t, opts.includeKeys, opts.named ?? { actions: [], cohorts: [] })),
  };
}

function refsOf(t: Target, named: NamedThings): PortableRefs | undefined {
  const cohorts = t.cohorts ?? [];
  if (!t.actions.length && !cohorts.length) return undefined;
  return {
    actions: named.actions.filter((a) => t.actions.includes(a.id)).map(({ id, site, name }) => ({ id, site, name })),
    cohorts: named.cohorts.filter((c) => cohorts.includes(c.id)).map(({ id, name }) => ({ id, name })),
  };
}

function portable(t: Target, includeKeys: boolean, named: NamedThings): PortableTarget {
  const refs = refsOf(t, named);
  const common = { kind: t.kind, name: t.name, sites: [...t.sites], actions: [...t.actions], cohorts: [...(t.cohorts ?? [])], ...(refs ? { refs } : {}), start: t.start, paused: t.paused };
  const keyed = <T extends object>(o: T, extra: Partial<PortableTarget>) => ({ ...o, ...(includeKeys ? extra : {}) });
  if (t.kind === 'posthog') return keyed({ ...common, endpoint: t.host }, { key: t.apiKey });
  if (t.kind === 'segment') return keyed({ ...common, endpoint: t.host }, { key: t.writeKey });
  return keyed(
    { ...common, endpoint: t.url, format: t.format, gzip: t.gzip, headers: t.headers.map((h) => (includeKeys ? { name: h.name, value: h.value } : { name: h.name })) },
    t.secret ? { secret: t.secret } : {},
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Parse and check a file's text; throws SettingsFileError naming every problem. */
export function parseSettingsFile(text: string): SettingsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SettingsFileError(['the file is not JSON']);
  }
  if (!isObject(raw) || raw.format !== SETTINGS_FILE_FORMAT) throw new SettingsFileError([`"format" is not "${SETTINGS_FILE_FORMAT}"`]);
  if (raw.version !== SETTINGS_FILE_VERSION) throw new SettingsFileError([`version ${JSON.stringify(raw.version)} is not one this Lasso knows (${SETTINGS_FILE_VERSION})`]);
  const problems: string[] = [];
  const bad = (path: string, message: string) => problems.push(`${path}: ${message}`);
  const s = isObject(raw.settings) ? raw.settings : (bad('settings', 'missing'), {});
  const enabledSites = isStrings(s.enabledSites) ? s.enabledSites.map(normalizeHost) : (bad('settings.enabledSites', 'a list of host names'), []);
  if (enabledSites.some((h) => !h)) bad('settings.enabledSites', 'an entry is not a host name');
  if (typeof s.allSites !== 'boolean') bad('settings.allSites', 'true or false');
  const pageTraffic: PageTrafficSite[] = [];
  if (!Array.isArray(s.pageTraffic)) bad('settings.pageTraffic', 'a list of { site, hosts }');
  else
    s.pageTraffic.forEach((p: unknown, i) => {
      const site = isObject(p) && typeof p.site === 'string' ? normalizeHost(p.site) : '';
      const hosts = isObject(p) ? parseHosts(p.hosts) : null;
      if (!site || !hosts) bad(`settings.pageTraffic[${i}]`, 'a site and a list of host names');
      else pageTraffic.push({ site, hosts });
    });
  const retentionDays = retentionValue(s.retentionDays, RETENTION_LIMITS.days);
  if (retentionDays === undefined) bad('settings.retentionDays', `null or whole days from ${RETENTION_LIMITS.days[0]} to ${RETENTION_LIMITS.days[1]}`);
  const retentionMB = retentionValue(s.retentionMB, RETENTION_LIMITS.mb);
  if (retentionMB === undefined) bad('settings.retentionMB', `null or whole MB from ${RETENTION_LIMITS.mb[0]} to ${RETENTION_LIMITS.mb[1]}`);
  const attributes = parseDataAttributes(s.selectorAttributes);
  if ('error' in attributes) bad('settings.selectorAttributes', attributes.error);
  const targets = Array.isArray(raw.targets) ? raw.targets.map((t: unknown, i) => checkTarget(t, `targets[${i}]`, bad)) : (bad('targets', 'a list'), []);
  if (problems.length) throw new SettingsFileError(problems);
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt : '',
    settings: { enabledSites: [...new Set(enabledSites)], allSites: s.allSites as boolean, pageTraffic, retentionDays: retentionDays ?? null, retentionMB: retentionMB ?? null, selectorAttributes: 'attributes' in attributes ? attributes.attributes : [] },
    targets,
  };
}

function checkTarget(t: unknown, path: string, bad: (path: string, message: string) => void): PortableTarget {
  if (!isObject(t)) {
    bad(path, 'not an object');
    return { kind: 'posthog', name: '', sites: [], actions: [], cohorts: [], start: 'now', paused: false, endpoint: '' };
  }
  const kind = t.kind as TargetKind;
  if (!['posthog', 'segment', 'webhook'].includes(kind)) bad(`${path}.kind`, 'posthog, segment or webhook');
  if (typeof t.name !== 'string' || !t.name.trim()) bad(`${path}.name`, 'a name');
  if (typeof t.endpoint !== 'string' || !t.endpoint) bad(`${path}.endpoint`, 'a host or URL');
  if (!isStrings(t.sites)) bad(`${path}.sites`, 'a list of sites');
  if (!isStrings(t.actions)) bad(`${path}.actions`, 'a list of action ids');
  if (t.cohorts !== undefined && !isStrings(t.cohorts)) bad(`${path}.cohorts`, 'a list of cohort ids');
  const refs = t.refs === undefined ? undefined : checkRefs(t.refs) ?? (bad(`${path}.refs`, 'lists of actions { id, site, name } and cohorts { id, name }'), undefined);
  if (t.start !== 'backfill' && t.start !== 'now') bad(`${path}.start`, '"backfill" or "now"');
  if (typeof t.paused !== 'boolean') bad(`${path}.paused`, 'true or false');
  for (const k of ['key', 'secret'] as const) if (t[k] !== undefined && typeof t[k] !== 'string') bad(`${path}.${k}`, 'text');
  const headers = t.headers === undefined ? undefined : Array.isArray(t.headers) && t.headers.every((h) => isObject(h) && typeof h.name === 'string' && (h.value === undefined || typeof h.value === 'string')) ? (t.headers as { name: string; value?: string }[]) : (bad(`${path}.headers`, 'a list of { name, value }'), undefined);
  return {
    kind,
    name: String(t.name ?? '').trim(),
    sites: isStrings(t.sites) ? t.sites : [],
    actions: isStrings(t.actions) ? t.actions : [],
    cohorts: isStrings(t.cohorts) ? t.cohorts : [],
    ...(refs ? { refs } : {}),
    start: t.start === 'backfill' ? 'backfill' : 'now',
    paused: t.paused === true,
    endpoint: String(t.endpoint ?? ''),
    ...(t.format === 'json' || t.format === 'ndjson' ? { format: t.format } : {}),
    ...(typeof t.gzip === 'boolean' ? { gzip: t.gzip } : {}),
    ...(headers ? { headers } : {}),
    ...(typeof t.key === 'string' && t.key ? { key: t.key } : {}),
    ...(typeof t.secret === 'string' && t.secret ? { secret: t.secret } : {}),
  };
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** `refs` as the file gives them, or null when they are not lists of named things. */
function checkRefs(refs: unknown): PortableRefs | null {
  if (!isObject(refs) || !Array.isArray(refs.actions) || !Array.isArray(refs.cohorts)) return null;
  const actions = refs.actions.filter((a): a is PortableRefs['actions'][number] => isObject(a) && isText(a.id) && isText(a.site) && isText(a.name));
  const cohorts = refs.cohorts.filter((c): c is PortableRefs['cohorts'][number] => isObject(c) && isText(c.id) && isText(c.name));
  if (actions.length !== refs.actions.length || cohorts.length !== refs.cohorts.length) return null;
  return { actions: actions.map(({ id, site, name }) => ({ id, site, name })), cohorts: cohorts.map(({ id, name }) => ({ id, name })) };
}
