import { registerActionHandlers } from '../src/background/actions-handlers';
import { registerHandlers } from '../src/background/handlers';
import { createLiveEvents } from '../src/background/live';
import { registerQueryHandlers } from '../src/background/query-handlers';
import { latestForTab } from '../src/background/recent';
import { sessionArea } from '../src/background/session-area';
import { syncCaptureRegistration } from '../src/background/sites';
import { registerToolbar } from '../src/background/toolbar';
import { registerToolbarQueries } from '../src/background/toolbar-queries';
import { loadSettings } from '../src/settings/storage';
import { openLassoDB } from '../src/store/schema';

export default defineBackground(() => {
  // Listeners are registered synchronously on every service-worker start (MV3 requirement);
  // the database opens once and handlers await it.
  const db = openLassoDB();
  const session = sessionArea();
  const live = createLiveEvents(browser.runtime.id, (tabId) => latestForTab(db, session, tabId, 200));
  registerHandlers({ db, live, session });
  registerActionHandlers({ db, live });
  registerToolbar({ session });
  registerToolbarQueries({ db });
  registerQueryHandlers({ db });
  browser.runtime.onInstalled.addListener(() => void loadSettings().then(syncCaptureRegistration).catch(console.error));
});
