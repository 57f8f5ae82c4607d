// @ts-nocheck
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ImportPlan } from '../actions/io';
import type { CaptureEvent } from '../events/types';
import type { Settings } from '../settings/settings';
import type { ActionStep, StoredAction } from '../actions/types';
import type { PreviewResult } from '../preview/preview';
import type { ActionInput, SiteActions } from '../store/actions';
import type { ExportedFile } from '../store/action-files';
import type { HeatmapAnswer } from '../store/heatmap';
import type { DeletionPlan } from '../store/deletion';
import type { RetentionStatus } from '../background/retention';
import type { ActionSummary } from '../preview/summary';
import type { ToolbarUiState } from '../toolbar/state';
import type { CohortImportResult } from '../store/cohort-files';
import type { CohortInput, CohortRow } from '../store/cohorts';
import type { CohortMember } from '../store/cohort-members';
import type { Group } from '../persons/groups';
import type { GroupPage, GroupType } from '../store/group-queries';
import type { PageTrafficStats } from '../sources/observe';

/** Whether a site's own PostHog traffic is stored, the extra hosts it sends to, and this session's counters. */
export interface PageTrafficState {
  /** Capture host (hostname, no port). */
  site: string;
  enabled: boolean;
  hosts: string[];
  stats: PageTrafficStats;
}
import type { EventPage } from '../store/queries/events';
import type { Position } from '../store/queries/order';
import type { PersonCursor, PersonListRow, PersonProfile, PersonPropertyFilter } from '../store/queries/persons';
import type { SessionCursor, SessionFilter, SessionListPage } from '../store/queries/sessions';
import type { TrendsResult } from '../store/queries/trends';
import type { SiteSummary } from '../store/queries/sites';
import type { SessionRow } from '../store/sessions';
import type { EventsFilterInput, TrendsRequest } from './query-checks';
import type { ActionHealth } from '../health/decide';
import type { SiteDays } from '../store/queries/site-days';
import type { TargetInput, TargetView } from '../sync/types';
import type { TargetStatus, TestAnswer } from '../sync/service';
import type { AsideRow } from '../sync/state';
import type { PhConnectionInput, PhConnectionView, PhDiff, PushResult } from '../sync/posthog-actions';
import type { SettingsFile } from '../settings/transfer';
import type { SettingsImportPlan } from '../settings/transfer-plan';

/** What a capture content script needs from the background before it captures. */
export interface CaptureContext {
  /** Per-site anonymous id, kept in extension storage (the page cannot read or change it). */
  distinctId: string;
  deviceId: string;
  /** Per tab and site; survives reloads of that tab. */
  windowId: string;
}

/** The background's answer to a batch: which uuids are now safely stored. */
export interface IngestAck {
  /** Newly stored plus already-present uuids: the sender may forget these. */
  acknowledged: string[];
  stored: number;
  duplicates: number;
  /** Events that failed validation: never stored, never worth resending. */
  rejected: { uuid: string; reason: string }[];
}

export interface StoreStats {
  /** Events stored for the asked `host`, or in all when none was asked. */
  eventCount: number;
}

/**
 * Lasso's one messaging protocol between contexts. Every message is checked by the receiver
 * (see ./validate.ts): the sender is this extension and the payload has the expected shape; a
 * content script is scoped by its own frame's address, never its tab's (./frame-scope.ts).
 */
export interface ProtocolMap {
  /** capture script (any frame) → background: ids for this tab and the frame's hostname; `url` must be the frame's own. */
  'capture.hello'(data: { url: string }): CaptureContext;
  /** capture script → background: store a batch; resent until acknowledged. Events not of the sending frame's origin are rejected. */
  'capture.ingest'(data: { events: CaptureEvent[] }): IngestAck;
  /** extension pages → background: events stored, for one site (`$host` with port, e.g. `127.0.0.1:5174`) or all. */
  'store.stats'(data: { host?: string }): StoreStats;
  /** Latest events captured in a tab (newest first). */
  'store.latestForTab'(data: { tabId: number; limit: number }): CaptureEvent[];
  /** Switch capture for a site; the caller has already obtained any host permission needed. */
  'settings.setSite'(data: { site: string; enabled: boolean; tabId?: number }): Settings;
  /** `retentionDays` / `retentionMB`: an integer in RETENTION_LIMITS or null (keep all); retention runs after a change. */
  'settings.update'(data: { allSites?: boolean; paused?: boolean; buttonOpensToolbar?: boolean; retentionDays?: number | null; retentionMB?: number | null; selectorAttributes?: string[] }): Settings;
  /**
   * Actions of one site (host with port, settings/site.ts), by name. Extension pages may ask for any site; this extension's
   * content scripts only in a tab's top frame (the toolbar), for that frame's site.
   */
  'actions.list'(data: { site: string }): StoredAction[];
  /**
   * Actions of every site but `except`, grouped by site (the toolbar's "Other sites", from which
   * one is copied to this site with `actions.save`). Read-only; any caller, the toolbar only when
   * the user asks for the list.
   */
  'actions.listAll'(data: { except?: string }): SiteActions[];
  /**
   * Create (no id) or update an action. A refused save throws an error whose `problems`
   * lists `{ path, message }` per field (e.g. `steps[0].selector`, `name`); nothing is stored.
   */
  'actions.save'(data: { action: ActionInput }): StoredAction;
  'actions.delete'(data: { id: string }): { deleted: boolean };
  /**
   * Import an actions file into a site: validated whole first; nothing written unless `ok`.
   * `dryRun`: only the plan (per action created / updated / skipped / rejected), nothing written.
   */
  'actions.import'(data: { site: string; text: string; dryRun?: boolean }): ImportPlan;
  /**
   * Export a site's actions (all, or `ids`) as one PostHog-compatible JSON file, with the
   * compatibility report; `allSites`: every site's actions (`site` is still the caller's).
   */
  'actions.export'(data: { site: string; ids?: string[]; allSites?: boolean }): ExportedFile;
  /**
   * Saved actions of a site with their stored counts, and where each last matched on `url` (for
   * the toolbar's list and its broken-action badge). The toolbar gets its own top frame's site only.
   * `tzOffsetMinutes` (default 0): the zone of the per-day counts.
   */
  'actions.summary'(data: { site: string; url: string; tzOffsetMinutes?: number }): ActionSummary[];
  /**
   * Action health of a site's saved actions (src/health): ok / broken / no data, when it stopped,
   * the page, its last chain there and repair candidates. From the index, cached ~30 s. The toolbar gets its own site only.
   */
  'actions.health'(data: { site: string }): ActionHealth[];
  /** extension pages → background: a site's events and sessions per local day, the last `days` (1–60, default 14) ending today (the popup's counts). */
  'store.siteDays'(data: { site: string; days?: number; tzOffsetMinutes?: number }): SiteDays;
  /** Click counts per `$elements_chain` on a page of the caller's site (the toolbar's heatmap). */
  'heatmap.clicks'(data: { site: string; url: string; match: 'exact' | 'path' }): HeatmapAnswer;
  /** popup → background: open or close the toolbar in a tab (injected on demand). */
  'toolbar.toggle'(data: { tabId: number }): { open: boolean };
  /** toolbar → background: its tab's saved toolbar state (open, dock, draft …) and its site. */
  'toolbar.hello'(data: Record<string, never>): { site: string; ui: ToolbarUiState };
  /**
   * toolbar → background: switch capture on for its top frame's site (and start it in the tab). Refused
   * with a message saying to use the popup when Lasso has no host access there (the browser asks
   * for it only on a click in the popup).
   */
  'toolbar.enableCapture'(data: Record<string, never>): { enabled: true };
  /** toolbar → background: remember this tab's toolbar state (survives reloads of the tab). */
  'toolbar.save'(data: { ui: ToolbarUiState }): { saved: true };
  /** background → toolbar (tab message): is it there and open; open or close it (shortcut, popup). */
  'toolbar.command'(data: { command: 'open' | 'close' | 'ping' }): { open: boolean };
  /** extension pages → background: is the page's own PostHog traffic of a site (hostname) stored, and what came of it. */
  'sources.get'(data: { site: string }): PageTrafficState;
  /**
   * extension pages → background: store a site's own PostHog traffic or not; `hosts`: hostnames its
   * posthog-js sends to besides its own host and *.posthog.com (the caller obtains host access to them).
   */
  'sources.set'(data: { site: string; enabled: boolean; hosts?: string[] }): PageTrafficState;
  /**
   * extension pages → background: "Delete this site's data" (events with this `$host`, and what is
   * derived from them). `dryRun`: only the plan. Answers at once; the deletion runs in batches
   * (progress in `store.retention`). The site's actions go only with `actions: true`.
   */
  'store.deleteSite'(data: { site: string; dryRun?: boolean; actions?: boolean }): { plan: DeletionPlan; started: boolean };
  /** extension pages → background: "Delete everything" (needs `confirm: true`; `dryRun`: only the plan). Actions only with `actions: true`. */
  'store.deleteAll'(data: { dryRun?: boolean; confirm?: boolean; actions?: boolean }): { plan: DeletionPlan; started: boolean };
  /** extension pages → background: retention status (last run, quota warning, deletion in progress); `dismissQuota` clears the warning. */
  'store.retention'(data: { dismissQuota?: boolean }): RetentionStatus;
  /** extension pages → background: stop the running deletion after its current batch. */
  'store.cancelDeletion'(data: Record<string, never>): { cancelled: boolean };
  /** extension pages → background: store already-captured events (import, tests, benchmarks); ≤ 500 per call. */
  'store.import'(data: { events: CaptureEvent[] }): IngestAck;
  // Cohorts and groups (src/background/people-handlers.ts): extension pages only. A refused write
  // throws an error whose `problems` list `{ path, message }` (e.g. `definition.filters…`); nothing is stored.
  /** Saved cohorts, by name. */
  'cohorts.list'(data: Record<string, never>): CohortRow[];
  /** Create (no id) or update a cohort: PostHog cohort JSON or `{ is_static: true, distinct_ids }`. */
  'cohorts.save'(data: { cohort: CohortInput }): CohortRow;
  /** Refused while another cohort refers to it. */
  'cohorts.delete'(data: { id: string }): { deleted: boolean };
  /** One page of members (persons by created_at) and their count, at `now` (ms; default: the start of this minute). */
  'cohorts.members'(data: { id: string; offset?: number; limit?: number; now?: number }): { count: number; members: CohortMember[]; now: number };
  /** Whether the person of `distinctId` is a member (answered from the members cache). */
  'cohorts.isMember'(data: { id: string; distinctId: string; now?: number }): { member: boolean; now: number };
  /** Import PostHog cohort JSON (one, a list, or an API page), or a CSV of distinct ids as a static cohort named `name`; all or nothing. */
  'cohorts.import'(data: { text: string; format?: 'json' | 'csv'; name?: string }): CohortImportResult;
  /** Saved cohorts (all, or `ids`) as one PostHog cohort JSON file. */
  'cohorts.export'(data: { ids?: string[] }): { text: string; count: number };
  /** The group types with an index; with `type`, one page of its groups by key (`after`: the last key of the previous page). */
  'groups.list'(data: { type?: string; limit?: number; after?: string }): { types: GroupType[]; page: GroupPage | null };
  /** One group with its properties and latest events (newest first); null when there is none. */
  'groups.get'(data: { type: string; key: string; limit?: number }): { group: Group; events: CaptureEvent[] } | null;
  // Dashboard queries (extension pages only; src/store/queries, README "Queries"). Bad payloads
  // are refused naming the field (messaging/query-checks.ts); pages continue with `next`.
  /** Sites with stored events (catalog totals, no event read), latest active first: the dashboard's site picker. */
  'query.sites'(data: Record<string, never>): SiteSummary[];
  /** Events newest first, filtered; `total` on the first page (exact, or at least / at most). */
  'query.events'(data: { filter: EventsFilterInput; limit?: number; cursor?: Position | null }): EventPage;
  /** One stored event by uuid (the dashboard's event page), or null. */
  'query.event'(data: { uuid: string }): CaptureEvent | null;
  /** Counts per hour / day / week in a time zone for events or saved actions, optionally by a property (top N + other). */
  'query.trends'(data: Omit<TrendsRequest, 'timeZone' | 'weekStartsOn' | 'breakdown'> & { timeZone?: string; weekStartsOn?: 0 | 1; breakdown?: { property: string; limit?: number } }): TrendsResult;
  /** Persons newest first, by property, or by distinct id prefix (`cursor` is then the last id); each with first / last seen and event count. */
  'query.persons'(data: { limit?: number; idPrefix?: string; property?: PersonPropertyFilter; cursor?: PersonCursor | string | null }): { rows: PersonListRow[]; next: PersonCursor | string | null; reads: number; cutShort: boolean };
  /** One person's profile, by any of its distinct ids. */
  'query.person'(data: { distinctId: string; events?: number }): PersonProfile;
  /** Sessions newest first with filters on derived properties. */
  'query.sessions'(data: { filter?: SessionFilter; limit?: number; cursor?: SessionCursor | null }): SessionListPage;
  /** One session (row) and its events oldest first. */
  'query.session'(data: { id: string; limit?: number; after?: Position | null }): { session: SessionRow | null; rows: CaptureEvent[]; next: Position | null; reads: number };
  // Sync targets (src/sync, src/background/sync-handlers.ts): extension pages only. Targets go out
  // as views without secrets; a blank secret in `sync.save` keeps the stored one.
  /** Saved targets. */
  'sync.targets'(data: Record<string, never>): TargetView[];
  /** Create (no id) or update a target; refused naming each field (`path: message`). The caller has asked for host access to its origin. */
  'sync.save'(data: { target: TargetInput }): TargetView;
  'sync.remove'(data: { id: string }): { removed: boolean };
  /** Pause (`paused` true, the default) or resume a target; resuming clears a 401/403 pause and any backoff. */
  'sync.pause'(data: { id: string; paused?: boolean }): TargetView;
  /** Send one test event to a saved target; the server's answer (redacted). */
  'sync.test'(data: { id: string }): TestAnswer;
  /** Per target: delivered, waiting, set aside, deleted before delivery, last success and error. */
  'sync.status'(data: Record<string, never>): TargetStatus[];
  /** A target's set-aside events with the server's reasons. */
  'sync.aside'(data: { id: string }): AsideRow[];
  /** Resend set-aside events (`seqs`, or all), one request each. */
  'sync.retryAside'(data: { id: string; seqs?: number[] }): { delivered: number; stillRefused: number; gone: number };
  /** Forget set-aside events (`seqs`, or all). */
  'sync.dropAside'(data: { id: string; seqs?: number[] }): { dropped: number };
  /** Deliver now (the options page's "Send now"; tests). */
  'sync.run'(data: Record<string, never>): { ran: true };
  // Actions ⇄ PostHog (src/sync/posthog-actions, src/background/ph-actions-handlers.ts): extension
  // pages only; the personal API key goes in with `connection.save` and never comes out.
  /** The saved project connection (host, project id, whether a key is saved), or null. */
  'phActions.connection.get'(data: Record<string, never>): PhConnectionView | null;
  /** Save the connection; a blank `apiKey` keeps the saved key; refused naming each field. */
  'phActions.connection.save'(data: PhConnectionInput): PhConnectionView;
  /** Import every project action into `site` through the actions import path (validated, all or nothing). */
  'phActions.pull'(data: { site: string }): { fetched: number; plan: ImportPlan };
  /** What a push of `site`'s actions would do: create / update / unchanged by name, with the compatibility report; `hash` identifies it. */
  'phActions.diff'(data: { site: string }): PhDiff;
  /** Write the diff with this `hash` (refused when the diff changed since); one result per created or updated action. */
  'phActions.push'(data: { site: string; hash: string }): PushResult[];
  // Settings file (src/settings/transfer.ts): export (secrets only with includeKeys); import plans
  // first and changes nothing unless `apply`; `given[i]` holds secrets typed for target i.
  'settings.export'(data: { includeKeys?: boolean }): SettingsFile;
  'settings.import'(data: { text: string; apply?: boolean; given?: Record<number, Record<string, string>> }): { plan: SettingsImportPlan; applied: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Port name extension pages use to receive new events as they are stored. */
export const LIVE_EVENTS_PORT = 'lasso.live-events';

/**
 * What the background pushes on a live-events port: events just stored, and their tab. On the
 * toolbar's port also `persons`: the current properties of the events' persons by distinct_id,
 * so the live feed judges person filters as the stored preview does.
 */
export type LiveEventsMessage = { type: 'events'; events: CaptureEvent[]; tabId?: number; persons?: Record<string, Record<string, unknown>> };

/**
 * toolbar → background on its live port, after (re)connecting: send this tab's events stored
 * since `timestamp` (ISO), so nothing captured while the port was down (worker restart) is missed.
 */
export type LiveCatchUp = { type: 'since'; timestamp: string };

/** Port name the toolbar uses to receive new events captured in its own tab. */
export const TOOLBAR_LIVE_PORT = 'lasso.toolbar-live';

/**
 * Port name the toolbar uses to hear that events of its site were stored (any tab): its saved
 * list counts and heatmap refresh then. Only counts are sent, never the events.
 */
export const TOOLBAR_STORED_PORT = 'lasso.toolbar-stored';

/** background → toolbar on its stored port: `count` events of its site were just stored. */
export type StoredTickMessage = { type: 'stored'; count: number };

/** background → a live or stored port it refuses (e.g. opened by a frame inside the page): why, just before it hangs up. */
export type PortRefusal = { type: 'refused'; reason: string };

/** Port name for live action previews (extension pages and the toolbar). */
export const PREVIEW_PORT = 'lasso.preview';

/**
 * page → background on a preview port. A new `query` cancels the port's previous one; answers
 * carry the query's `id` so late answers to an old draft can be told apart.
 */
export type PreviewRequest =
  | {
      type: 'query';
      id: number;
      /** A draft (steps checked like a save, without the name) … */
      action?: { steps: ActionStep[] };
      /** … or a saved action's id. */
      actionId?: string;
      /** Count events of this site only; null = all sites (extension pages only; the toolbar always gets its top frame's site). */
      site?: string | null;
      /** Windows end here; default the background's clock. */
      now?: number;
      /** Minutes added to UTC for per-day buckets; default 0. */
      tzOffsetMinutes?: number;
      /** Latest matches to return, 1–200; default 50. */
      latest?: number;
    }
  | { type: 'cancel'; id: number };

/** background → page on a preview port. */
export type PreviewMessage =
  | { type: 'result'; id: number; result: PreviewResult }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'error'; id: number; message: string; problems?: { path: string; message: string }[] };
