// @ts-nocheck
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import { originsFor, parseSiteInput } from './site-input';

interface Props {
  settings: Settings;
  onSettings(settings: Settings): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The sites capture runs on: add one by typing its host or address, remove one, and the all-sites
 * switch. Host access is asked for here, on the user's click, as the popup does (the browser
 * shows its prompt only for a user gesture).
 */
export function CaptureSites({ settings, onSettings }: Props) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const run = async (work: () => Promise<Settings | null>) => {
    setError('');
    try {
      const next = await work();
      if (next) onSettings(next);
    } catch (e) {
      setError(message(e));
    }
  };
  const add = (e: Event) => {
    e.preventDefault();
    const parsed = parseSiteInput(typed);
    if ('error' in parsed) return setError(parsed.error);
    void run(async () => {
      const origins = originsFor(parsed.host);
      if (origins.length && !(await browser.permissions.request({ origins }))) throw new Error(`Lasso needs access to ${parsed.host} to capture there.`);
      const next = await sendMessage('settings.setSite', { site: parsed.host, enabled: true });
      setTyped('');
      return next;
    });
  };
  const remove = (site: string) => void run(() => sendMessage('settings.setSite', { site, enabled: false }));
  const setAll = (on: boolean) =>
    void run(async () => {
      if (on && !(await browser.permissions.request({ origins: ['<all_urls>'] }))) throw new Error('Lasso needs access to all sites to capture everywhere.');
      return sendMessage('settings.update', { allSites: on });
    });

  return (
    <section aria-labelledby="capture-sites-title" data-testid="capture-sites">
      <h2 id="capture-sites-title">Capture sites</h2>
      <label class="inline">
        <input type="checkbox" role="switch" checked={settings.allSites} onChange={(e) => setAll(e.currentTarget.checked)} data-testid="all-sites" />
        <span>Capture on every site</span>
      </label>
      {settings.enabledSites.length === 0 ? (
        <p class="muted" data-testid="sites-empty">No sites yet: switch capture on for a site from the Lasso button, or add one below.</p>
      ) : (
        <ul class="site-list" aria-label="Sites with capture on">
          {settings.enabledSites.map((site) => (
            <li key={site} data-testid="site-row" data-site={site}>
              <span>{site}</span>{' '}
              <button type="button" onClick={() => remove(site)} aria-label={`Remove ${site}`} title={`Stop capturing on ${site}`} data-testid="remove-site">Remove</button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <label class="inline">
          <span>Add a site</span>
          <input type="text" value={typed} placeholder="shop.example.com" onInput={(e) => setTyped(e.currentTarget.value)} data-testid="add-site-input" />
        </label>
        <button type="submit" data-testid="add-site">Add</button>
      </form>
      {error && <p class="error" role="alert" data-testid="sites-error">{error}</p>}
    </section>
  );
}
