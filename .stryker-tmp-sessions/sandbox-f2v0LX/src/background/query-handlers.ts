// @ts-nocheck
import { browser } from 'wxt/browser';
import type { ActionStep } from '../actions/types';
import { onMessage } from '../messaging/protocol';
import { checkEventsRequest, checkPersonRequest, checkPersonsRequest, checkSessionRequest, checkSessionsRequest, checkTrendsRequest, type EventsFilterInput } from '../messaging/query-checks';
import { MessageRejectedError } from '../messaging/validate';
import { getAction } from '../store/actions';
import { loadCatalog } from '../store/catalog';
import { queryEvents } from '../store/queries/events';
import { siteSummaries } from '../store/queries/sites';
import type { EventFilter } from '../store/queries/filter';
import { listPersons, personProfile, searchPersonsById, withActivity, type PersonCursor } from '../store/queries/persons';
import { querySessions, sessionEvents } from '../store/queries/sessions';
import { queryTrends, type TrendSeries } from '../store/queries/trends';
import type { LassoDatabase } from '../store/schema';
import { getSession } from '../store/sessions';
import { callerScope } from './actions-handlers';

/** Only extension pages (the dashboard) may read across the store; a page's toolbar never. */
function extensionPageOnly(sender: Parameters<typeof callerScope>[0], extensionId: string, what: string): void {
  if (callerScope(sender, extensionId, what).site !== null) throw new MessageRejectedError(`message rejected: only extension pages may ask ${what}`);
}

async function actionSteps(db: LassoDatabase, id: string, field: string): Promise<{ steps: ActionStep[] }> {
  const saved = await getAction(db, id);
  if (!saved) throw new MessageRejectedError(`${field}: no action ${JSON.stringify(id)}`);
  return { steps: saved.steps };
}

/** The store's filter from the message's: a saved action by id → its steps, a distinct id → all of its person's ids. */
async function resolveFilter(db: LassoDatabase, input: EventsFilterInput): Promise<EventFilter> {
  const { actionId, person, ...rest } = input;
  const filter: EventFilter = { ...rest };
  if (actionId !== undefined) filter.action = await actionSteps(db, actionId, 'filter.actionId');
  if (person !== undefined) filter.ids = (await db.getFromIndex('persons', 'ids', person))?.distinct_ids ?? [person];
  return filter;
}

/** The dashboard's read queries (src/store/queries; README "Queries"). Payloads checked by messaging/query-checks.ts. */
export function registerQueryHandlers({ db }: { db: Promise<LassoDatabase> }): void {
  const extensionId = browser.runtime.id;

  onMessage('query.sites', async ({ sender }) => {
    extensionPageOnly(sender, extensionId, 'query.sites');
    return siteSummaries((await loadCatalog(await db)).series.values());
  });

  onMessage('query.events', async ({ data, sender }) => {
    extensionPageOnly(sender, extensionId, 'query.events');
    const { filter, limit, cursor } = checkEventsRequest(data);
    const store = await db;
    return queryEvents(store, await resolveFilter(store, filter), { limit, cursor });
  });

  onMessage('query.event', async ({ data, sender }) => {
    extensionPageOnly(sender, extensionId, 'query.event');
    const uuid = (data as { uuid?: unknown } | null)?.uuid;
    if (typeof uuid !== 'string' || !uuid || uuid.length > 200) throw new MessageRejectedError(`uuid: expected an event's uuid, not ${JSON.stringify(uuid)?.slice(0, 80)}`);
    return (await (await db).get('events', uuid)) ?? null;
  });

  onMessage('query.trends', async ({ data, sender }) => {
    extensionPageOnly(sender, extensionId, 'query.trends');
    const request = checkTrendsRequest(data);
    const store = await db;
    const series: TrendSeries[] = await Promise.all(
      request.series.map(async (s, i) => ('event' in s ? s : { name: s.name, action: await actionSteps(store, s.actionId, `series[${i}].actionId`) })),
    );
    return queryTrends(store, { ...request, series });
  });

  onMessage('query.persons', async ({ data, sender }) => {
    extensionPageOnly(sender, extensionId, 'query.persons');
    const { limit, idPrefix, property, cursor } = checkPersonsRequest(data);
    const store = await db;
    if (idPrefix !== undefined) {
      const page = await searchPersonsById(store, idPrefix, { limit, after: (cursor as string | null) ?? undefined });
      return { ...page, rows: await withActivity(store, page.rows), cutShort: false };
    }
    const page = await listPersons(store, { limit, cursor: cursor as PersonCursor | null, property });
    return { ...page, rows: await withActivity(store, page.rows) };
  });

  onMessage('query.person', async ({ data, sender }) => {
    extensionPageOnly(sender, extensionId, 'query.person');
    const { distinctId, events } = checkPersonRequest(data);
    return personProfile(await db, distinctId, { events });
  });

  onMessage('query.sessions', async ({ data, sender }) => {
    extensionPageOnly(sender, extensionId, 'query.sessions');
    const { filter, limit, cursor } = checkSessionsRequest(data);
    return querySessions(await db, filter, { limit, cursor });
  });

  onMessage('query.session', async ({ data, sender }) => {
    extensionPageOnly(sender, extensionId, 'query.session');
    const { id, limit, after } = checkSessionRequest(data);
    const store = await db;
    const [session, page] = await Promise.all([getSession(store, id), sessionEvents(store, id, { limit, after })]);
    return { session: session ?? null, ...page };
  });
}
