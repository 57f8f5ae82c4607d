// @ts-nocheck
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../identity/identity';
import { onMessage, type PageTrafficState } from '../messaging/protocol';
import { assertOwnSender, isExtensionUrl, MessageRejectedError, optionalBoolean, requireString } from '../messaging/validate';
import { withPageTraffic, type Settings } from '../settings/settings';
import { hostnameOf } from '../settings/site';
import { loadSettings, saveSettings } from '../settings/storage';
import { parseHosts } from '../settings/page-traffic';
import { pageTrafficStats } from '../sources/observe';

async function stateOf(settings: Settings, site: string, session: KeyValueArea): Promise<PageTrafficState> {
  const entry = settings.pageTraffic.find((e) => e.site === site);
  return { site, enabled: !!entry, hosts: entry?.hosts ?? [], stats: await pageTrafficStats(session, site) };
}

/** A capture host from a message: a hostname, or a site with port (its hostname is used). */
function siteOf(data: unknown, message: string): string {
  const site = hostnameOf(`http://${requireString(data, 'site', 262)}/`);
  if (!site) throw new MessageRejectedError(`${message}: site: expected a host name`);
  return site;
}

/** `sources.get` / `sources.set`: the per-site switch for storing the page's own PostHog traffic (extension pages only). */
export function registerSourcesHandlers({ session }: { session: KeyValueArea }): void {
  const extensionId = browser.runtime.id;
  const assertExtensionPage = (sender: { id?: string; url?: string }) => {
    assertOwnSender(sender, extensionId);
    if (!isExtensionUrl(sender.url)) throw new MessageRejectedError('message rejected: only extension pages may ask this');
  };

  onMessage('sources.get', async ({ data, sender }) => {
    assertExtensionPage(sender);
    return stateOf(await loadSettings(), siteOf(data, 'sources.get'), session);
  });

  onMessage('sources.set', async ({ data, sender }) => {
    assertExtensionPage(sender);
    const site = siteOf(data, 'sources.set');
    const enabled = optionalBoolean(data, 'enabled');
    if (enabled === undefined) throw new MessageRejectedError('sources.set: enabled: expected true or false');
    const given = (data as { hosts?: unknown }).hosts;
    const hosts = given === undefined ? [] : parseHosts(given);
    if (!hosts) throw new MessageRejectedError('sources.set: hosts: expected at most 20 host names (e.g. ph.example.com)');
    const settings = withPageTraffic(await loadSettings(), site, enabled, hosts);
    await saveSettings(settings);
    return stateOf(settings, site, session);
  });
}
