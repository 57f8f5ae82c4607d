// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredAction } from '../actions/types';
import { sendMessage } from '../messaging/protocol';
import { refusedPermissions, syncPermissions } from '../sync/consent';
import { originPattern, POSTHOG_HOSTS } from '../sync/targets';
import type { TargetInput, TargetKind, TargetView, WebhookHeader } from '../sync/types';

/** "Name: value" lines ↔ headers (a blank value keeps the stored one on an update). */
const parseHeaders = (text: string): WebhookHeader[] =>
  text.split('\n').filter((l) => l.trim()).map((line) => {
    const at = line.indexOf(':');
    return at < 0 ? { name: line.trim(), value: '' } : { name: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
  });

const presetOf = (endpoint: string): 'us' | 'eu' | 'custom' => (endpoint === POSTHOG_HOSTS.us ? 'us' : endpoint === POSTHOG_HOSTS.eu ? 'eu' : 'custom');

/**
 * Cohorts a target names that no longer exist (deleted, or an import's unresolved reference):
 * listed, ticked, so they can be unticked — such a cohort holds the target until then.
 */
const gone = (ids: string[], cohorts: { id: string }[] | null): { id: string; name: string }[] =>
  cohorts ? ids.filter((id) => !cohorts.some((c) => c.id === id)).map((id) => ({ id, name: `Deleted cohort (${id})` })) : [];

/** The same for actions (a deleted action holds the target too). */
const goneActions = (ids: string[], actions: StoredAction[] | null): Pick<StoredAction, 'id' | 'name' | 'site'>[] =>
  actions ? ids.filter((id) => !actions.some((a) => a.id === id)).map((id) => ({ id, name: `Deleted action (${id})`, site: '' })) : [];

/**
 * Add or edit a target. Secrets are never shown back: on an edit their fields start empty and
 * a blank field keeps the stored secret. Saving first asks the browser for access to the
 * target's origin (it must be asked in the click), then sends `sync.save`.
 */
export function TargetForm({ editing, onDone }: { editing?: TargetView; onDone: (saved: boolean) => void }) {
  const [kind, setKind] = useState<TargetKind>(editing?.kind ?? 'posthog');
  const [name, setName] = useState(editing?.name ?? '');
  const [preset, setPreset] = useState(editing?.kind === 'posthog' ? presetOf(editing.endpoint) : 'us');
  const [host, setHost] = useState(editing && editing.kind !== 'webhook' && presetOf(editing.endpoint) === 'custom' ? editing.endpoint : '');
  const [url, setUrl] = useState(editing?.kind === 'webhook' ? editing.endpoint : '');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  const [headers, setHeaders] = useState((editing?.headerNames ?? []).map((n) => `${n}: `).join('\n'));
  const [format, setFormat] = useState(editing?.format ?? 'json');
  const [gzip, setGzip] = useState(editing?.gzip ?? false);
  const [sites, setSites] = useState((editing?.sites ?? []).join(', '));
  const [actionIds, setActionIds] = useState<string[]>(editing?.actions ?? []);
  const [cohortIds, setCohortIds] = useState<string[]>(editing?.cohorts ?? []);
  const [start, setStart] = useState(editing?.start ?? 'now');
  const [actions, setActions] = useState<StoredAction[] | null>(null);
  const [cohorts, setCohorts] = useState<{ id: string; name: string }[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    sendMessage('actions.listAll', {}).then((bySite) => setActions(bySite.flatMap((s) => s.actions)), () => setActions([]));
    sendMessage('cohorts.list', {}).then((rows) => setCohorts(rows.map(({ id, name }) => ({ id, name }))), () => setCohorts([]));
  }, []);

  const input = (): TargetInput => {
    const common = { ...(editing ? { id: editing.id } : {}), kind, name, sites: sites.split(',').map((s) => s.trim()).filter(Boolean), actions: actionIds, cohorts: cohortIds, start };
    if (kind === 'posthog') return { ...common, hostPreset: preset, host: preset === 'custom' ? host : undefined, apiKey: key };
    if (kind === 'segment') return { ...common, host, writeKey: key };
    return { ...common, url, headers: parseHeaders(headers), format, gzip, ...(secret || !editing?.hasSecret ? { secret } : {}) };
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    const target = input();
    const origin = originPattern(target);
    const wanted = syncPermissions(origin ? [origin] : [], import.meta.env.FIREFOX);
    setBusy(true);
    try {
      // Asked before any await: the browser grants host access (and Firefox its data-collection
      // consent) only inside the user's click.
      if (wanted && !(await browser.permissions.request(wanted as Parameters<typeof browser.permissions.request>[0]))) {
        setError(refusedPermissions(wanted));
        return;
      }
      await sendMessage('sync.save', { target });
      onDone(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const keyLabel = kind === 'posthog' ? 'Project API key (phc_…)' : 'Write key';
  return (
    <form onSubmit={save} aria-label={editing ? `Edit ${editing.name}` : 'Add a target'}>
      <fieldset>
        <legend>{editing ? `Edit ${editing.name}` : 'Add a target'}</legend>
        <div class="field">
          <label for="t-kind">Kind</label>
          <select id="t-kind" value={kind} disabled={!!editing} onChange={(e) => setKind((e.target as HTMLSelectElement).value as TargetKind)}>
            <option value="posthog">PostHog</option>
            <option value="segment">Segment-compatible (Segment, RudderStack, Jitsu)</option>
            <option value="webhook">Webhook</option>
          </select>
          <label for="t-name">Name</label>
          <input id="t-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} required />
          {kind === 'posthog' && (
            <>
              <label for="t-preset">PostHog region</label>
              <select id="t-preset" value={preset} onChange={(e) => setPreset((e.target as HTMLSelectElement).value as typeof preset)}>
                <option value="us">US Cloud (us.i.posthog.com)</option>
                <option value="eu">EU Cloud (eu.i.posthog.com)</option>
                <option value="custom">Self-hosted</option>
              </select>
            </>
          )}
          {(kind === 'segment' || (kind === 'posthog' && preset === 'custom')) && (
            <>
              <label for="t-host">Host (https://…)</label>
              <input id="t-host" type="url" value={host} placeholder={kind === 'segment' ? 'https://api.segment.io' : 'https://posthog.example.com'} onInput={(e) => setHost((e.target as HTMLInputElement).value)} />
            </>
          )}
          {kind !== 'webhook' && (
            <>
              <label for="t-key">{keyLabel}</label>
              <input id="t-key" type="password" autocomplete="off" value={key} placeholder={editing?.hasKey ? 'unchanged (stored)' : ''} onInput={(e) => setKey((e.target as HTMLInputElement).value)} />
            </>
          )}
          {kind === 'webhook' && (
            <>
              <label for="t-url">Webhook URL (https://…)</label>
              <input id="t-url" type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
              <label for="t-headers">Extra headers, one "Name: value" a line (a blank value keeps the stored one)</label>
              <textarea id="t-headers" rows={3} value={headers} onInput={(e) => setHeaders((e.target as HTMLTextAreaElement).value)} />
              <label for="t-format">Body format</label>
              <select id="t-format" value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as 'json' | 'ndjson')}>
                <option value="json">JSON array</option>
                <option value="ndjson">NDJSON (one event a line)</option>
              </select>
              <label class="inline"><input type="checkbox" checked={gzip} onChange={(e) => setGzip((e.target as HTMLInputElement).checked)} /> gzip the body</label>
              <label for="t-secret">Signing secret for X-Lasso-Signature (HMAC-SHA256; empty: unsigned)</label>
              <input id="t-secret" type="password" autocomplete="off" value={secret} placeholder={editing?.hasSecret ? 'unchanged (stored)' : ''} onInput={(e) => setSecret((e.target as HTMLInputElement).value)} />
            </>
          )}
          <label for="t-sites">Sites (comma-separated, e.g. shop.example.com; empty: every site)</label>
          <input id="t-sites" value={sites} onInput={(e) => setSites((e.target as HTMLInputElement).value)} />
        </div>
        <fieldset>
          <legend>Events</legend>
          {actions?.length === 0 && actionIds.length === 0 && <p class="muted">All events are sent. Save actions with the toolbar to send only the events matching them.</p>}
          {[...(actions ?? []), ...goneActions(actionIds, actions)].map((a) => (
            <label class="inline" key={a.id}>
              <input type="checkbox" checked={actionIds.includes(a.id)} onChange={(e) => setActionIds((ids) => ((e.target as HTMLInputElement).checked ? [...ids, a.id] : ids.filter((i) => i !== a.id)))} />
              {a.name} {a.site && <span class="muted">({a.site})</span>}
            </label>
          ))}
          {(!!actions?.length || actionIds.length > 0) && <p class="muted">{actionIds.length ? 'Only events matching the checked actions are sent.' : 'None checked: all events are sent.'}</p>}
        </fieldset>
        <fieldset>
          <legend>People</legend>
          {cohorts?.length === 0 && cohortIds.length === 0 && <p class="muted">Everyone's events are sent. Build a cohort in the dashboard to send only its members' events.</p>}
          {[...(cohorts ?? []), ...gone(cohortIds, cohorts)].map((c) => (
            <label class="inline" key={c.id}>
              <input type="checkbox" checked={cohortIds.includes(c.id)} onChange={(e) => setCohortIds((ids) => ((e.target as HTMLInputElement).checked ? [...ids, c.id] : ids.filter((i) => i !== c.id)))} />
              {c.name}
            </label>
          ))}
          {(!!cohorts?.length || cohortIds.length > 0) && <p class="muted">{cohortIds.length ? "Only the events of people who are members of a checked cohort when the events are sent (any of their ids) go; others' events are passed over." : "None checked: everyone's events are sent."}</p>}
        </fieldset>
        {!editing && (
          <fieldset>
            <legend>Start</legend>
            <label class="inline"><input type="radio" name="t-start" checked={start === 'now'} onChange={() => setStart('now')} /> From now on</label>
            <label class="inline"><input type="radio" name="t-start" checked={start === 'backfill'} onChange={() => setStart('backfill')} /> Send the stored history too</label>
          </fieldset>
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="submit" disabled={busy}>{editing ? 'Save changes' : 'Add target'}</button>
          <button type="button" onClick={() => onDone(false)}>Cancel</button>
        </div>
      </fieldset>
    </form>
  );
}
