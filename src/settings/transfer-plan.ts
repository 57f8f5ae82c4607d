import type { TargetInput, TargetView } from '../sync/types';
import type { Settings } from './settings';
import type { PortableSettings, PortableTarget, SettingsFile } from './transfer';

/** One setting the import changes, in words for the confirmation. */
export interface SettingChange {
  field: keyof PortableSettings;
  from: string;
  to: string;
}

/** What happens to one target of the file: matched to a saved one by kind and name. */
export interface TargetPlan {
  name: string;
  change: 'add' | 'update' | 'unchanged';
  /** Secrets the file lacks and this browser does not have either: asked for before applying. */
  missing: ('key' | 'secret' | `header ${string}`)[];
  /** The saved target's id for an update. */
  id?: string;
}

export interface SettingsImportPlan {
  settings: SettingChange[];
  targets: TargetPlan[];
}

const words = (field: keyof PortableSettings, v: PortableSettings[keyof PortableSettings]): string => {
  if (v === null) return field === 'retentionDays' ? 'keep all' : 'no limit';
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : `${x.site}${x.hosts.length ? ` (+${x.hosts.join(', ')})` : ''}`)).join(', ') : 'none';
  return String(v);
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const FIELDS: (keyof PortableSettings)[] = ['enabledSites', 'allSites', 'pageTraffic', 'retentionDays', 'retentionMB', 'selectorAttributes'];

/** What importing `file` changes here, before anything is changed. */
export function planImport(file: SettingsFile, current: Settings, saved: TargetView[]): SettingsImportPlan {
  const settings = FIELDS.filter((f) => !same(current[f], file.settings[f])).map((field) => ({ field, from: words(field, current[field]), to: words(field, file.settings[field]) }));
  const targets = file.targets.map((t): TargetPlan => {
    const match = saved.find((s) => s.kind === t.kind && s.name === t.name);
    const missing: TargetPlan['missing'] = [];
    if (t.kind !== 'webhook' && !t.key && !match?.hasKey) missing.push('key');
    if (t.kind === 'webhook' && !match) for (const h of t.headers ?? []) if (!h.value) missing.push(`header ${h.name}`);
    if (!match) return { name: t.name, change: 'add', missing };
    const unchanged = match.endpoint === t.endpoint && same(match.sites, t.sites) && same(match.actions, t.actions) && match.start === t.start && match.paused === t.paused && !t.key && !t.secret && (t.kind !== 'webhook' || (match.format === t.format && match.gzip === t.gzip && same(match.headerNames ?? [], (t.headers ?? []).map((h) => h.name)) && !(t.headers ?? []).some((h) => h.value)));
    return { name: t.name, change: unchanged ? 'unchanged' : 'update', missing, id: match.id };
  });
  return { settings, targets };
}

/** The settings after the import (per-browser ones such as the pause kept). */
export function applySettings(current: Settings, file: SettingsFile): Settings {
  return { ...current, ...file.settings };
}

/**
 * The `sync.save` input for a file's target; `given` holds secrets the user typed for those the
 * file lacked (`key`, `secret`, `header <name>`). A blank secret on an update keeps the stored one.
 */
export function targetInputOf(t: PortableTarget, plan: TargetPlan, given: Record<string, string> = {}): TargetInput {
  const common = { ...(plan.id ? { id: plan.id } : {}), kind: t.kind, name: t.name, sites: t.sites, actions: t.actions, start: t.start, paused: t.paused };
  const key = t.key ?? given.key ?? '';
  if (t.kind === 'posthog') return { ...common, hostPreset: 'custom', host: t.endpoint, apiKey: key };
  if (t.kind === 'segment') return { ...common, host: t.endpoint, writeKey: key };
  return {
    ...common,
    url: t.endpoint,
    format: t.format ?? 'json',
    gzip: t.gzip ?? false,
    headers: (t.headers ?? []).map((h) => ({ name: h.name, value: h.value ?? given[`header ${h.name}`] ?? '' })),
    // Undefined keeps a stored signing secret on an update.
    ...(t.secret ?? given.secret ? { secret: t.secret ?? given.secret } : {}),
  };
}
