// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { isCaptureEnabled, type Settings } from '../settings/settings';
import { hostnameOf, siteKeyOf } from '../settings/site';
import { loadSettings, watchSettings } from '../settings/storage';
import { EventList } from './EventList';
import { closePopup, openDashboard, openSettings, openToolbarAt } from './open';
import { SiteActions } from './SiteActions';
import { SiteToday } from './SiteToday';
import { StoredData } from './StoredData';
import { SyncStatus } from './SyncStatus';
import { TrafficSwitch } from './TrafficSwitch';
import { useLiveEvents } from './useLiveEvents';

const BUILT_IN = new Set(['localhost', '127.0.0.1']);

/** The current tab, or the one named by `?tab=` (lets tests and the dashboard open the popup in a tab). */
async function currentTab(): Promise<{ id?: number; url?: string }> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? {};
}

/**
 * Popup: the current site (capture and page-traffic switches, stored count, today's events and
 * sessions, its actions with health), live events of this tab, and the way to the toolbar, the
 * dashboard and the settings.
 */
export function Popup() {
  const [tab, setTab] = useState<{ id?: number; url?: string } | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    void currentTab().then(setTab, (e) => setError(String(e)));
    void loadSettings().then(setSettings);
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  const site = tab?.url ? hostnameOf(tab.url) : null; // capture is switched per hostname (see settings/site.ts)
  // Events are filed by `$host` (the page's location.host, port included): count those of this tab's.
  const host = tab?.url ? siteKeyOf(tab.url) : null;
  const { events, count, days, failed } = useLiveEvents(tab?.id, host);
  const enabled = !!(settings && tab?.url && isCaptureEnabled(settings, tab.url));

  const toggle = async () => {
    if (!site || !settings) return;
    setError('');
    try {
      const turnOn = !settings.enabledSites.includes(site);
      // Host access for a new site is asked for here: permission prompts need the user's click.
      if (turnOn && !BUILT_IN.has(site) && !(await browser.permissions.request({ origins: [`*://${site}/*`] }))) {
        setError(`Lasso needs access to ${site} to capture there.`);
        return;
      }
      setSettings(await sendMessage('settings.setSite', { site, enabled: turnOn, tabId: tab?.id }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  /** Open the toolbar in this tab; on `page` first when given (an action's repair). */
  const openToolbar = async (page: string | null = null) => {
    if (tab?.id === undefined) return;
    setError('');
    try {
      if (page) await openToolbarAt(tab.id, tab.url, page);
      else {
        await sendMessage('toolbar.toggle', { tabId: tab.id });
        closePopup();
      }
    } catch (e) {
      fail(e);
    }
  };

  // Until the tab is known (a few ms) nothing is drawn: the site's sections would otherwise
  // appear above the tab's list and push it down.
  if (!tab && !error) return <main class="popup" aria-busy="true" />;
  return (
    <main class="popup">
      <header>
        <h1>Lasso</h1>
        <nav class="nav-buttons" aria-label="Lasso">
          {site && (
            <button type="button" class="toolbar-button" data-testid="toolbar-toggle" onClick={() => void openToolbar()} title="Open or close the toolbar on this page (Alt+Shift+L)">
              Toolbar
            </button>
          )}
          <button type="button" class="toolbar-button" data-testid="open-dashboard" onClick={() => void openDashboard(host).catch(fail)} title={host ? `The dashboard's events of ${host}` : 'The dashboard'}>
            Dashboard
          </button>
          <button type="button" class="toolbar-button" data-testid="open-settings" onClick={() => void openSettings().catch(fail)}>
            Settings
          </button>
        </nav>
      </header>
      {host && (
        <p class="count" data-testid="event-count" title={`Events stored for ${host}`}>
          {count === null ? '…' : `${count.toLocaleString('en')} event${count === 1 ? '' : 's'} stored on this site`}
        </p>
      )}
      {site ? (
        <>
          <label class="site-switch">
            <input type="checkbox" role="switch" data-testid="site-switch" checked={!!settings?.enabledSites.includes(site)} onChange={toggle} />
            <span>
              Capture on <b>{site}</b>
              {settings?.paused ? ' (paused everywhere)' : settings?.allSites ? ' (all sites on)' : ''}
            </span>
          </label>
          <TrafficSwitch site={site} onError={setError} />
        </>
      ) : (
        <p class="muted">Lasso captures on web pages (http and https) only.</p>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {host && <SiteToday data={days} capturing={enabled} />}
      {host && tab?.url && <SiteActions host={host} url={tab.url} ready={days !== null || failed} onOpenToolbar={(page) => void openToolbar(page)} />}
      <section>
        <h2>This tab {enabled ? '' : <span class="muted">(not capturing)</span>}</h2>
        <EventList events={events} />
      </section>
      <label class="option">
        <input
          type="checkbox"
          data-testid="button-opens-toolbar"
          checked={!!settings?.buttonOpensToolbar}
          onChange={(e) => void sendMessage('settings.update', { buttonOpensToolbar: e.currentTarget.checked }).then(setSettings, (err: unknown) => setError(String(err)))}
        />
        <span>
          The Lasso button opens the toolbar directly <span class="muted">(right-click the button for this popup)</span>
        </span>
      </label>
      <StoredData host={host} settings={settings} onSettings={setSettings} onError={setError} />
      <SyncStatus onOpen={() => void openSettings().catch(fail)} />
    </main>
  );
}
