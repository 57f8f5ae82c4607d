// @ts-nocheck
import { browser, type Browser } from 'wxt/browser';
import { ActionValidationError } from '../actions';
import { onMessage, PREVIEW_PORT, type PreviewMessage } from '../messaging/protocol';
import { topFrameSite, type SenderLike } from '../messaging/frame-scope';
import { checkIngestBatch, MessageRejectedError, optionalBoolean, optionalSite, requireSite, requireString } from '../messaging/validate';
import { startPreview, type PreviewHandle } from '../preview/preview';
import { checkPreviewRequest } from '../preview/request';
import { exportActionsFile, importActionsFile, planActionsFile } from '../store/action-files';
import { ActionSaveError, deleteAction, getAction, listActions, listActionsBySite, saveAction } from '../store/actions';
import { loadCatalog } from '../store/catalog';
import type { CaptureEvent } from '../events/types';
import { ingestEvents, type IngestResult } from '../store/events';
import type { LassoDatabase } from '../store/schema';
import type { createLiveEvents } from './live';

interface Deps {
  db: Promise<LassoDatabase>;
  live: ReturnType<typeof createLiveEvents>;
  /** Retention: ingest that makes room when the quota is full; told how many events an import stored. */
  retention?: { ingest(events: CaptureEvent[]): Promise<IngestResult>; imported(n: number): void };
}

/**
 * Who is asking: an extension page (any site: `{ site: null }`), or this extension's content
 * script in a tab's top frame (the toolbar), which may only touch the site (host with port) of
 * that frame — and read other sites' action definitions (actions.listAll). A frame inside the
 * page, whatever its site, and anything else are refused (messaging/frame-scope.ts).
 */
export function callerScope(sender: SenderLike | undefined, extensionId: string, what: string): { site: string | null } {
  return { site: topFrameSite(sender, extensionId, what) };
}

export function assertSite(scope: { site: string | null }, site: string): void {
  if (scope.site !== null && scope.site !== site) throw new MessageRejectedError(`message rejected: a page of ${scope.site} cannot touch actions of ${site}`);
}

/**
 * Register action CRUD, bulk import and the preview port. Every payload is checked before the
 * store is touched; a refused save throws ActionSaveError, whose `problems` (field paths)
 * reach the caller with the error.
 */
export function registerActionHandlers({ db, live, retention }: Deps): void {
  const extensionId = browser.runtime.id;

  onMessage('actions.list', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'actions.list');
    const site = requireSite(data);
    assertSite(scope, site);
    return listActions(await db, site);
  });

  // Reading other sites' definitions is the one thing a toolbar may do beyond its site: copying
  // an action from localhost:3000 to 127.0.0.1:3000 or production needs it. Writes stay scoped.
  onMessage('actions.listAll', async ({ data, sender }) => {
    callerScope(sender, extensionId, 'actions.listAll');
    return listActionsBySite(await db, optionalSite(data, 'except'));
  });

  onMessage('actions.save', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'actions.save');
    const action = (data as { action?: unknown } | null)?.action;
    if (typeof action !== 'object' || action === null) throw new MessageRejectedError('action: expected an action object');
    const site = (action as { site?: unknown }).site;
    if (typeof site === 'string') assertSite(scope, site);
    else if (scope.site !== null) (action as { site?: unknown }).site = scope.site; // the toolbar saves for its top frame's site
    return saveAction(await db, action);
  });

  onMessage('actions.delete', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'actions.delete');
    const id = requireString(data, 'id', 64);
    const store = await db;
    const existing = await getAction(store, id);
    if (!existing) return { deleted: false };
    assertSite(scope, existing.site);
    return { deleted: await deleteAction(store, id) };
  });

  onMessage('actions.import', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'actions.import');
    const site = requireSite(data);
    assertSite(scope, site);
    // The size cap itself lives in parseImport (it reports it per file); this only bounds the message.
    const text = requireString(data, 'text', 64 * 1024 * 1024);
    const dryRun = optionalBoolean(data, 'dryRun');
    return dryRun ? planActionsFile(await db, text, site) : importActionsFile(await db, text, site);
  });

  onMessage('actions.export', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'actions.export');
    const site = requireSite(data);
    assertSite(scope, site);
    const ids = (data as { ids?: unknown }).ids;
    if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) throw new MessageRejectedError('ids: expected a list of action ids');
    // Every site's actions, for the user's "Export all sites" (a trusted click in the toolbar or an extension page).
    const allSites = optionalBoolean(data, 'allSites') === true;
    return exportActionsFile(await db, allSites ? null : site, ids as string[] | undefined);
  });

  onMessage('store.import', async ({ data, sender }) => {
    if (callerScope(sender, extensionId, 'store.import').site !== null) throw new MessageRejectedError('message rejected: only extension pages may import events');
    const { valid, rejected } = checkIngestBatch(data);
    const { stored, duplicates } = retention ? await retention.ingest(valid) : await ingestEvents(await db, valid);
    retention?.imported(stored.length);
    live.publish(stored, undefined);
    return { acknowledged: valid.map((e) => e.uuid), stored: stored.length, duplicates: duplicates.length, rejected };
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PREVIEW_PORT) return;
    try {
      servePreviewPort(port, callerScope(port.sender, extensionId, 'preview port'), db);
    } catch (error) {
      // Say why, then hang up: a refused caller gets the reason and never a result.
      port.postMessage({ type: 'error', id: -1, message: error instanceof Error ? error.message : String(error) } satisfies PreviewMessage);
      port.disconnect();
    }
  });
  // Warm the catalog so the first preview does not pay for loading it.
  void db.then(loadCatalog).catch((error) => console.error('Lasso: catalog load failed', error));
}

/** One preview at a time per port: a new query (a changed draft) cancels the previous one. */
function servePreviewPort(port: Browser.runtime.Port, scope: { site: string | null }, db: Promise<LassoDatabase>): void {
  type Running = { id: number; handle?: PreviewHandle; stopped: boolean };
  let current: Running | null = null;
  const post = (message: PreviewMessage) => {
    try {
      port.postMessage(message);
    } catch {
      stop();
    }
  };
  const stop = () => {
    if (current) {
      current.stopped = true;
      current.handle?.cancel();
    }
    current = null;
  };
  const fail = (id: number, error: unknown) => {
    const problems = error instanceof ActionSaveError ? error.problems : error instanceof ActionValidationError ? [{ path: error.path, message: error.message }] : undefined;
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error), ...(problems && { problems }) });
  };

  port.onMessage.addListener(async (raw: unknown) => {
    let request;
    try {
      request = checkPreviewRequest(raw);
    } catch (error) {
      return fail(typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1, error);
    }
    stop();
    if (request.type === 'cancel') return;
    const mine: Running = { id: request.id, stopped: false };
    current = mine;
    try {
      const store = await db;
      let steps = request.action?.steps;
      let site = scope.site ?? request.site ?? null;
      if (request.actionId !== undefined) {
        const saved = await getAction(store, request.actionId);
        if (!saved) throw new MessageRejectedError(`actionId: no action ${request.actionId}`);
        assertSite(scope, saved.site);
        steps = saved.steps;
        site = saved.site;
      }
      if (mine.stopped) return;
      mine.handle = startPreview(
        store,
        { action: { steps: steps! }, site, now: request.now ?? Date.now(), tzOffsetMinutes: request.tzOffsetMinutes ?? 0, latest: request.latest ?? 50 },
        {
          onResult: (result) => post({ type: 'result', id: mine.id, result }),
          onProgress: (fraction) => post({ type: 'progress', id: mine.id, fraction }),
          onError: (error) => fail(mine.id, error),
        },
      );
    } catch (error) {
      fail(mine.id, error);
    }
  });
  port.onDisconnect.addListener(stop);
}
