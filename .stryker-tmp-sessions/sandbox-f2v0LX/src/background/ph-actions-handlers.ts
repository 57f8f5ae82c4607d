// @ts-nocheck
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../identity/identity';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError, requireSite } from '../messaging/validate';
import { importActionsFile } from '../store/action-files';
import { listActions } from '../store/actions';
import type { LassoDatabase } from '../store/schema';
import { createPhActions, PhConnectionError } from '../sync/posthog-actions';
import { assertExtensionPage } from './handlers';

/**
 * The `phActions.*` messages (extension pages only). Requests to PostHog come only from here;
 * answers carry the connection's view, never the key; errors are redacted by the client.
 */
export function registerPhActionsHandlers(dbReady: Promise<LassoDatabase>, area: KeyValueArea = browser.storage.local as unknown as KeyValueArea): void {
  const extensionId = browser.runtime.id;
  const service = createPhActions({
    area,
    fetch: (url, init) => fetch(url, init),
    listLocal: async (site) => listActions(await dbReady, site),
    importText: async (text, site) => importActionsFile(await dbReady, text, site),
  });
  const guard = (sender: Parameters<typeof assertExtensionPage>[0]) => assertExtensionPage(sender, extensionId);
  onMessage('phActions.connection.get', ({ sender }) => {
    guard(sender);
    return service.getConnection();
  });
  onMessage('phActions.connection.save', async ({ data, sender }) => {
    guard(sender);
    if (!data || typeof data !== 'object') throw new MessageRejectedError('phActions.connection.save: expected { host, projectId, apiKey }');
    try {
      return await service.saveConnection(data);
    } catch (e) {
      // The field problems, never the input (it holds the key).
      if (e instanceof PhConnectionError) throw new MessageRejectedError(e.message);
      throw e;
    }
  });
  onMessage('phActions.pull', ({ data, sender }) => {
    guard(sender);
    return service.pull(requireSite(data));
  });
  onMessage('phActions.diff', ({ data, sender }) => {
    guard(sender);
    return service.diff(requireSite(data));
  });
  onMessage('phActions.push', ({ data, sender }) => {
    guard(sender);
    const hash = (data as { hash?: unknown } | null)?.hash;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw new MessageRejectedError('hash: expected the hash of the diff shown (phActions.diff)');
    return service.push(requireSite(data), hash);
  });
}
