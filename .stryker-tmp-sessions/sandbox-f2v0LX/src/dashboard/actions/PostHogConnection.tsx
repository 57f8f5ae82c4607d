// @ts-nocheck
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../messaging/protocol';
import { PH_APP_HOSTS, type PhConnectionView } from '../../sync/posthog-actions/connection';
import { endpointProblem } from '../../sync/targets';
import { errorText } from '../use-request';

type Preset = 'us' | 'eu' | 'custom';
const presetOf = (host: string): Preset => (host === PH_APP_HOSTS.us ? 'us' : host === PH_APP_HOSTS.eu ? 'eu' : host ? 'custom' : 'us');

/**
 * The PostHog project connection: host (US, EU or self-hosted), project id, personal API key.
 * The key field is always empty: the saved key never comes back to a page ("saved" is shown;
 * leaving it blank keeps it). Host access to the origin is asked inside the click.
 */
export function PostHogConnection({ saved, onSaved }: { saved: PhConnectionView | null; onSaved(view: PhConnectionView): void }) {
  const [preset, setPreset] = useState<Preset>(presetOf(saved?.host ?? ''));
  const [custom, setCustom] = useState(saved && presetOf(saved.host) === 'custom' ? saved.host : '');
  const [projectId, setProjectId] = useState(saved?.projectId ?? '');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const host = preset === 'custom' ? custom.trim() : PH_APP_HOSTS[preset];
  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      if (!endpointProblem(host, 'host')) {
        const origin = `${new URL(host).origin}/*`;
        if (!(await browser.permissions.request({ origins: [origin] }))) {
          setError(`Lasso needs access to ${new URL(host).origin} to talk to PostHog. Nothing was saved.`);
          return;
        }
      }
      const view = await sendMessage('phActions.connection.save', { host, projectId, apiKey });
      setApiKey('');
      onSaved(view);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel-fields" aria-label="PostHog project connection" data-testid="ph-connection" onSubmit={(e) => void save(e)}>
      <label for="ph-host">PostHog</label>
      <select id="ph-host" value={preset} data-testid="ph-host" onChange={(e) => setPreset(e.currentTarget.value as Preset)}>
        <option value="us">US Cloud (us.posthog.com)</option>
        <option value="eu">EU Cloud (eu.posthog.com)</option>
        <option value="custom">Self-hosted…</option>
      </select>
      {preset === 'custom' && (
        <>
          <label for="ph-custom">Address</label>
          <input id="ph-custom" type="url" value={custom} placeholder="https://posthog.example.com" data-testid="ph-custom" onInput={(e) => setCustom(e.currentTarget.value)} />
        </>
      )}
      <label for="ph-project">Project id</label>
      <input id="ph-project" inputMode="numeric" value={projectId} placeholder="e.g. 12345 (Project settings)" data-testid="ph-project" onInput={(e) => setProjectId(e.currentTarget.value)} />
      <label for="ph-key">Personal API key</label>
      <input id="ph-key" type="password" autoComplete="off" value={apiKey} data-testid="ph-key"
        placeholder={saved?.hasKey ? 'saved — leave blank to keep it' : 'phx_… with action:read and action:write'} onInput={(e) => setApiKey(e.currentTarget.value)} />
      <div class="panel-buttons">
        <button type="submit" class="primary" data-testid="ph-save" disabled={busy}>Save connection</button>
      </div>
      {error && <p class="error" role="alert" data-testid="ph-connection-error">{error}</p>}
      <p class="muted">The key stays in this browser’s extension storage; it is never shown again or sent anywhere but {host || 'PostHog'}.</p>
    </form>
  );
}
