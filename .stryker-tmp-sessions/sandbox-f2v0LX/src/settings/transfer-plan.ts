// @ts-nocheck
import type { TargetInput, TargetView } from '../sync/types';
import type { Settings } from './settings';
import type { NamedThings, PortableSettings, PortableTarget, SettingsFile } from './transfer';

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
  /** The file's actions and cohorts as this browser's ids (found by id, else by site and name / name). */
  actions: string[];
  cohorts: string[];
  /** Those not found here, in words: the target sends nothing for them until they exist. */
  unresolved: string[];
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
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const FIELDS: (keyof PortableSettings)[] = ['enabledSites', 'allSites', 'pageTraffic', 'retentionDays', 'retentionMB', 'selectorAttributes'];

/**
 * A file target's actions and cohorts as ids of this browser: an id saved here is kept; else the
 * file's refs name it (an action by site and name, a cohort by name, names compared ignoring
 * case); else it is kept as it is and listed as unresolved.
 */
export function resolveRefs(t: Pick<PortableTarget, 'actions' | 'cohorts' | 'refs'>, here: NamedThings): Pick<TargetPlan, 'actions' | 'cohorts' | 'unresolved'> {
  const unresolved: string[] = [];
  const actions = t.actions.map((id) => {
    if (here.actions.some((a) => a.id === id)) return id;
    const ref = t.refs?.actions.find((r) => r.id === id);
    const found = ref && here.actions.find((a) => a.site === ref.site && sameName(a.name, ref.name));
    if (found) return found.id;
    unresolved.push(ref ? `action "${ref.name}" (${ref.site})` : `action ${id}`);
    return id;
  });
  const cohorts = t.cohorts.map((id) => {
    if (here.cohorts.some((c) => c.id === id)) return id;
    const ref = t.refs?.cohorts.find((r) => r.id === id);
    const found = ref && here.cohorts.find((c) => sameName(c.name, ref.name));
    if (found) return found.id;
    unresolved.push(ref ? `cohort "${ref.name}"` : `cohort ${id}`);
    return id;
  });
  return { actions, cohorts, unresolved };
}

/** What importing `file` changes here, before anything is changed (`here`: this browser's actions and cohorts). */
export function planImport(file: SettingsFile, current: Settings, saved: TargetView[], here: NamedThings = { actions: [], cohorts: [] }): SettingsImportPlan {
  const settings = FIELDS.filter((f) => !same(current[f], file.settings[f])).map((field) => ({ field, from: words(field, current[field]), to: words(field, file.settings[field]) }));
  const targets = file.targets.map((t): TargetPlan => {
    const refs = resolveRefs(t, here);
    const match = saved.find((s) => s.kind === t.kind && s.name === t.name);
    const missing: TargetPlan['missing'] = [];
    if (t.kind !== 'webhook' && !t.key && !match?.hasKey) missing.push('key');
    if (t.kind === 'webhook' && !match) for (const h of t.headers ?? []) if (!h.value) missing.push(`header ${h.name}`);
    if (!match) return { name: t.name, change: 'add', missing, ...refs };
    const unchanged = match.endpoint === t.endpoint && same(match.sites, t.sites) && same(match.actions, refs.actions) && same(match.cohorts ?? [], refs.cohorts) && match.start === t.start && match.paused === t.paused && !t.key && !t.secret && (t.kind !== 'webhook' || (match.format === t.format && match.gzip === t.gzip && same(match.headerNames ?? [], (t.headers ?? []).map((h) => h.name)) && !(t.headers ?? []).some((h) => h.value)));
    return { name: t.name, change: unchanged ? 'unchanged' : 'update', missing, id: match.id, ...refs };
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
  const common = { ...(plan.id ? { id: plan.id } : {}), kind: t.kind, name: t.name, sites: t.sites, actions: plan.actions, cohorts: plan.cohorts, start: t.start, paused: t.paused };
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
