// @ts-nocheck
import { registerActionHandlers } from '../src/background/actions-handlers';
import { registerHandlers } from '../src/background/handlers';
import { registerHealthHandlers } from '../src/background/health-handlers';
import { startHealthNotifications } from '../src/background/health-notify';
import { createLiveEvents } from '../src/background/live';
import { registerPeopleHandlers } from '../src/background/people-handlers';
import { registerQueryHandlers } from '../src/background/query-handlers';
import { latestForTab } from '../src/background/recent';
import { createRetention } from '../src/background/retention';
import { registerRetentionHandlers, startRetention } from '../src/background/retention-handlers';
import { sessionArea } from '../src/background/session-area';
import { syncCaptureRegistration } from '../src/background/sites';
import { registerSourcesHandlers } from '../src/background/sources-handlers';
import { registerToolbar } from '../src/background/toolbar';
import { registerToolbarQueries } from '../src/background/toolbar-queries';
import { startSync } from '../src/background/sync-handlers';
import { registerPhActionsHandlers } from '../src/background/ph-actions-handlers';
import type { KeyValueArea } from '../src/identity/identity';
import { loadSettings } from '../src/settings/storage';
import { personsOfIds } from '../src/store/persons';
import { observePageTraffic } from '../src/sources/observe';
import { ingestEvents } from '../src/store/events';
import { openLassoDB } from '../src/store/schema';

export default defineBackground(() => {
  // Listeners are registered synchronously on every service-worker start (MV3 requirement);
  // the database opens once and handlers await it.
  const db = openLassoDB();
  const session = sessionArea();
  const live = createLiveEvents(
    browser.runtime.id,
    (tabId) => latestForTab(db, session, tabId, 200),
    async (ids) => Object.fromEntries([...(await personsOfIds(await db, ids))].map(([id, person]) => [id, person.properties])),
  );
  const retention = createRetention({
    db,
    area: browser.storage.local as unknown as KeyValueArea,
    loadSettings,
    // Where the browser offers no estimate the size limit is not applied (the quota still is).
    estimate: async () => (typeof navigator !== 'undefined' && navigator.storage?.estimate ? navigator.storage.estimate() : null),
  });
  registerHandlers({ db, live, session, retention });
  registerActionHandlers({ db, live, retention });
  const { cache: cohorts } = registerPeopleHandlers({ db });
  registerRetentionHandlers(retention);
  startRetention(retention).catch((e: unknown) => console.error('Lasso: retention failed', e));
  registerToolbar({ session });
  registerToolbarQueries({ db });
  registerSourcesHandlers({ session });
  // The page's own PostHog traffic, for sites the user opted in (src/sources).
  observePageTraffic({ settings: loadSettings, ingest: async (events) => ingestEvents(await db, events), session, published: live.publish });
  registerQueryHandlers({ db });
  registerHealthHandlers({ db });
  startHealthNotifications(db);
  // Delivery to sync targets (src/sync): alarms, a kick after each ingest, the sync.* messages.
  void startSync(db, { cohorts });
  registerPhActionsHandlers(db);
  browser.runtime.onInstalled.addListener(() => void loadSettings().then(syncCaptureRegistration).catch(console.error));
});
