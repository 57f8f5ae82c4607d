import { registerActionHandlers } from '../src/background/actions-handlers';
import { registerHandlers } from '../src/background/handlers';
import { createLiveEvents } from '../src/background/live';
import { registerPeopleHandlers } from '../src/background/people-handlers';
import { latestForTab } from '../src/background/recent';
import { sessionArea } from '../src/background/session-area';
import { syncCaptureRegistration } from '../src/background/sites';
import { registerSourcesHandlers } from '../src/background/sources-handlers';
import { registerToolbar } from '../src/background/toolbar';
import { registerToolbarQueries } from '../src/background/toolbar-queries';
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
  registerHandlers({ db, live, session });
  registerActionHandlers({ db, live });
  registerPeopleHandlers({ db });
  registerToolbar({ session });
  registerToolbarQueries({ db });
  registerSourcesHandlers({ session });
  // The page's own PostHog traffic, for sites the user opted in (src/sources).
  observePageTraffic({ settings: loadSettings, ingest: async (events) => ingestEvents(await db, events), session, published: live.publish });
  browser.runtime.onInstalled.addListener(() => void loadSettings().then(syncCaptureRegistration).catch(console.error));
});
