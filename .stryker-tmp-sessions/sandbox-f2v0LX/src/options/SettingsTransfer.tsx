// @ts-nocheck
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import type { SettingsImportPlan } from '../settings/transfer-plan';
import { SYNC_DATA_COLLECTION } from '../sync/consent';
import { originPattern } from '../sync/targets';

const BUILT_IN = new Set(['localhost', '127.0.0.1']);

/** Origins an import needs access to: its capture sites and its targets' endpoints (asked for on the user's click). */
function originsOf(text: string): string[] {
  const file = JSON.parse(text) as { settings: { enabledSites: string[] }; targets: { kind: 'posthog' | 'segment' | 'webhook'; endpoint: string }[] };
  const sites = file.settings.enabledSites.filter((s) => !BUILT_IN.has(s)).map((s) => `*://${s}/*`);
  const targets = file.targets.map((t) => originPattern(t.kind === 'webhook' ? { kind: t.kind, url: t.endpoint } : { kind: t.kind, host: t.endpoint }));
  return [...new Set([...sites, ...targets.filter((o): o is string => !!o)])];
}

/** Options-page section: export settings to a JSON file, import one (plan shown, missing secrets asked, then applied). */
export function SettingsTransfer() {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [plan, setPlan] = useState<SettingsImportPlan | null>(null);
  const [given, setGiven] = useState<Record<number, Record<string, string>>>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const exportFile = async () => {
    setError('');
    try {
      const file = await sendMessage('settings.export', { includeKeys });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      link.download = `lasso-settings-${file.exportedAt.slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      fail(e);
    }
  };
  const choose = async (input: HTMLInputElement) => {
    setError('');
    setMessage('');
    setPlan(null);
    const chosen = input.files?.[0];
    if (!chosen) return;
    try {
      const content = await chosen.text();
      const answer = await sendMessage('settings.import', { text: content });
      setText(content);
      setGiven({});
      setPlan(answer.plan);
    } catch (e) {
      fail(e);
    }
  };
  const apply = async () => {
    if (!text) return;
    setError('');
    try {
      const origins = originsOf(text);
      const targets = (JSON.parse(text) as { targets: unknown[] }).targets.length > 0;
      // Firefox's data-collection consent only when the file brings targets (they transmit).
      const wanted = { ...(origins.length ? { origins } : {}), ...(targets && import.meta.env.FIREFOX ? { data_collection: SYNC_DATA_COLLECTION } : {}) };
      if (Object.keys(wanted).length && !(await browser.permissions.request(wanted as Parameters<typeof browser.permissions.request>[0]))) {
        throw new Error('Lasso needs access to those sites and targets (and, in Firefox, permission to send browsing activity to them) to import them.');
      }
      await sendMessage('settings.import', { text, apply: true, given });
      setPlan(null);
      setText(null);
      setMessage('Imported.');
    } catch (e) {
      fail(e);
    }
  };
  const nothing = plan && plan.settings.length === 0 && plan.targets.every((t) => t.change === 'unchanged');

  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">Export and import settings</h2>
      <div class="row">
        <label class="inline">
          <input type="checkbox" data-testid="export-keys" checked={includeKeys} onChange={(e) => setIncludeKeys(e.currentTarget.checked)} />
          Include keys and secrets (keep the file private)
        </label>
        <button type="button" data-testid="export-settings" onClick={() => void exportFile()}>
          Export to a file
        </button>
      </div>
      <label>
        Import a settings file <input type="file" accept="application/json,.json" data-testid="import-file" onChange={(e) => void choose(e.currentTarget)} />
      </label>
      {plan && (
        <div data-testid="import-plan">
          {nothing ? <p>This file matches these settings: nothing to change.</p> : <p>Importing changes:</p>}
          <ul>
            {plan.settings.map((c) => (
              <li key={c.field}>
                {c.field}: {c.from} → {c.to}
              </li>
            ))}
            {plan.targets.map((t, i) => (
              <li key={`${t.name}-${i}`} data-change={t.change}>
                Target {t.name}: {t.change === 'add' ? 'added' : t.change === 'update' ? 'updated' : 'unchanged'}
                {t.unresolved.length > 0 && (
                  <p class="muted" data-testid="unresolved">
                    Not in this browser: {t.unresolved.join(', ')}. Import them first (dashboard: Actions, Cohorts); until then this target sends no events for them.
                  </p>
                )}
                {t.missing.map((m) => (
                  <label key={m}>
                    {t.name}: {m === 'key' ? 'API key or write key' : m}
                    <input type="password" autocomplete="off" value={given[i]?.[m] ?? ''} onInput={(e) => setGiven({ ...given, [i]: { ...given[i], [m]: e.currentTarget.value } })} />
                  </label>
                ))}
              </li>
            ))}
          </ul>
          {!nothing && (
            <button type="button" data-testid="apply-import" onClick={() => void apply()}>
              Apply these changes
            </button>
          )}
        </div>
      )}
      {message && <p class="ok" role="status">{message}</p>}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
