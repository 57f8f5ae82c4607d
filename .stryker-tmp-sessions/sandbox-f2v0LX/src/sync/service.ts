// @ts-nocheck
import type { StoredAction } from '../actions/types';
import { uuidv7 } from '../events/uuid';
import type { KeyValueArea } from '../identity/identity';
import { countLogAfter, lastLogKey } from '../store/ingest-log';
import { runTarget, type DeliveryDeps } from './deliver';
import { CONSENT_WITHDRAWN } from './consent';
import { eventFilter } from './filter';
import { aside as asideOps } from './aside';
import { buildRequest } from './request';
import { describeAnswer, send } from './send';
import { commitState, deleteTargetState, getState, newState, type AsideRow } from './state';
import { loadTargets, saveTargets } from './targets-store';
import { TargetError, validateTarget, viewOf } from './targets';
import type { Target, TargetInput, TargetView } from './types';
import { encodeEvent } from './wire';

const COHORT_ERROR = 'Its cohort cannot be worked out, so nothing is sent until it can';
const ACTION_MISSING = 'An action it sends for no longer exists (edit the target), so nothing is sent until then';

/** One target's delivery status, as the options page shows it. */
export interface TargetStatus {
  id: string;
  delivered: number;
  /** Events currently set aside (refused by the server). */
  setAside: number;
  deletedBeforeDelivery: number;
  /** Stored events this target has not looked at yet (other sites' included until the cursor passes them). */
  waiting: number;
  lastSuccess: number | null;
  lastError: string | null;
  /** ms of the next attempt while backing off; null when not waiting. */
  retryAt: number | null;
  paused: boolean;
  pausedReason?: string;
}

/** The answer to "send a test event". */
export interface TestAnswer {
  ok: boolean;
  status: number;
  /** The server's answer (redacted), or what went wrong in words. */
  text: string;
}

export interface SyncDeps extends Omit<DeliveryDeps, 'limits'> {
  area: KeyValueArea;
  /** All saved actions (for targets filtered by actions). */
  loadActions: () => Promise<StoredAction[]>;
  /**
   * Every distinct id of every member of cohort `id` at `now`, or null when there is no such
   * cohort (for targets filtered by cohorts; the background answers from its cohort cache).
   * Throws when the cohort cannot be worked out (an invalid definition).
   */
  cohortIds?: (id: string, now: number) => Promise<Iterable<string> | null>;
  /** Whether the user allows sending at all (Firefox's data-collection consent); absent: yes. */
  mayTransmit?: () => Promise<boolean>;
  /** Ask to be run again at `when` (ms): an alarm and, while the worker lives, a timer. */
  schedule: (when: number) => void;
  newId?: () => string;
}

export type SyncService = ReturnType<typeof createSync>;

/** Targets, their delivery and status (src/sync/README.md). One run at a time; a kick during a run runs again after it. */
export function createSync(deps: SyncDeps) {
  const { db, area, now } = deps;
  let running: Promise<void> | null = null;
  let again = false;
  // Target edits are serialised so two saves never overwrite each other's list.
  let edits: Promise<unknown> = Promise.resolve();
  const edit = <T>(fn: (targets: Target[]) => Promise<{ targets?: Target[]; result: T }>): Promise<T> => {
    const next = edits.then(async () => {
      const out = await fn(await loadTargets(area));
      if (out.targets) await saveTargets(area, out.targets);
      return out.result;
    });
    edits = next.catch(() => undefined);
    return next;
  };
  const find = (targets: Target[], id: string): Target => {
    const target = targets.find((t) => t.id === id);
    if (!target) throw new TargetError([{ path: 'id', message: 'no such target (removed?)' }]);
    return target;
  };

  async function runOnce(): Promise<void> {
    const targets = await loadTargets(area);
    if (!targets.length) return;
    const allowed = deps.mayTransmit ? await deps.mayTransmit() : true;
    for (const target of targets) if (!target.paused) await hold(target.id, CONSENT_WITHDRAWN, allowed ? null : CONSENT_WITHDRAWN);
    if (!allowed) return;
    const actions = targets.some((t) => t.actions.length) ? await deps.loadActions() : [];
    let soonest = Infinity;
    for (const target of targets) {
      // A deleted action would match nothing: its events would be passed over for good.
      const missing = target.paused ? [] : target.actions.filter((id) => !actions.some((a) => a.id === id));
      await hold(target.id, ACTION_MISSING, missing.length ? `${ACTION_MISSING}: ${missing.join(', ')}` : null);
      if (missing.length) continue;
      const members = await cohortMembersOf(target);
      if (!members) continue;
      const outcome = await runTarget(deps, target, eventFilter(target, actions, members));
      if (outcome.kind === 'more') again = true;
      else if (outcome.kind === 'waiting') soonest = Math.min(soonest, outcome.until);
      else if (outcome.kind === 'paused' && !target.paused) {
        await edit(async (list) => ({ targets: list.map((t) => (t.id === target.id ? { ...t, paused: true, pausedReason: outcome.reason } : t)), result: null }));
      }
    }
    if (soonest < Infinity) deps.schedule(soonest);
  }

  /**
   * The distinct ids a cohort-filtered target sends for, or null when they cannot be worked out:
   * the target then waits (its cursor stays, nothing is skipped) and says why in its last error.
   */
  async function cohortMembersOf(target: Target): Promise<Set<string> | null> {
    const ids = new Set<string>();
    if (!target.cohorts?.length || target.paused) return ids;
    try {
      if (!deps.cohortIds) throw new Error('cohorts are not available here');
      for (const id of target.cohorts) {
        const members = await deps.cohortIds(id, now());
        // A deleted (or never imported) cohort holds the target: passing its events over would lose them for good.
        if (!members) throw new Error(`cohort ${id} does not exist here (edit the target)`);
        for (const distinctId of members) ids.add(distinctId);
      }
      await hold(target.id, COHORT_ERROR, null);
      return ids;
    } catch (error) {
      await hold(target.id, COHORT_ERROR, `${COHORT_ERROR}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /**
   * Say why a target is held back (its last error, starting with `kind`; the cursor stays), or
   * with null clear a reason of that kind once it no longer holds. Server errors are left for the
   * next answer to replace.
   */
  async function hold(id: string, kind: string, reason: string | null): Promise<void> {
    const state = (await getState(db, id)) ?? newState(id, 0, 0);
    if (reason === null && state.lastError?.startsWith(kind)) await commitState(db, { ...state, lastError: null, lastErrorAt: null });
    else if (reason !== null && state.lastError !== reason) await commitState(db, { ...state, lastError: reason, lastErrorAt: now() });
  }

  /** Deliver what is waiting, for every target; resolves when this run (and any asked for meanwhile) ends. */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    run,
    async list(): Promise<TargetView[]> {
      return (await loadTargets(area)).map(viewOf);
    },
    /** Create or update; a new target's cursor starts at the beginning (backfill) or after the last stored event. */
    save(input: TargetInput): Promise<TargetView> {
      return edit(async (targets) => {
        const previous = input.id ? find(targets, input.id) : undefined;
        const target = validateTarget(input, previous, deps.newId ?? uuidv7);
        if (!previous) {
          const last = await lastLogKey(db);
          await commitState(db, target.start === 'backfill' ? newState(target.id, 0, last) : newState(target.id, last, 0));
        }
        return { targets: previous ? targets.map((t) => (t.id === target.id ? target : t)) : [...targets, target], result: viewOf(target) };
      }).then((view) => {
        void run();
        return view;
      });
    },
    /**
     * Remove a target, then its state once no run is using it: a run in flight still delivering
     * to it would otherwise find no state, start again from the first stored event and send the
     * whole store (and write the state back).
     */
    remove(id: string): Promise<{ removed: boolean }> {
      return edit(async (targets) => ({ targets: targets.filter((t) => t.id !== id), result: { removed: targets.some((t) => t.id === id) } })).then(async (result) => {
        await running?.catch(() => undefined);
        await deleteTargetState(db, id);
        return result;
      });
    },
    /** Pause or resume; resuming clears the pause reason and any backoff, then delivers. */
    setPaused(id: string, paused: boolean): Promise<TargetView> {
      return edit(async (targets) => {
        const target = { ...find(targets, id), paused };
        if (!paused) {
          delete target.pausedReason;
          const state = await getState(db, id);
          if (state) await commitState(db, { ...state, attempts: 0, nextAttempt: 0 });
        }
        return { targets: targets.map((t) => (t.id === id ? target : t)), result: viewOf(target) };
      }).then((view) => {
        if (!paused) void run();
        return view;
      });
    },
    async status(): Promise<TargetStatus[]> {
      const targets = await loadTargets(area);
      return Promise.all(
        targets.map(async (t) => {
          const state = (await getState(db, t.id)) ?? newState(t.id, 0, 0);
          return {
            id: t.id,
            delivered: state.delivered,
            setAside: state.setAside,
            deletedBeforeDelivery: state.deletedBeforeDelivery,
            waiting: await countLogAfter(db, state.cursor),
            lastSuccess: state.lastSuccess,
            lastError: state.lastError,
            retryAt: state.nextAttempt > now() ? state.nextAttempt : null,
            paused: t.paused,
            ...(t.pausedReason ? { pausedReason: t.pausedReason } : {}),
          };
        }),
      );
    },
    /** Send one test event to a saved target; the server's answer as it came (redacted). */
    async test(id: string): Promise<TestAnswer> {
      const target = find(await loadTargets(area), id);
      const event = { uuid: uuidv7(now()), event: 'lasso test event', distinct_id: 'lasso-test', timestamp: new Date(now()).toISOString(), properties: { $lib: 'lasso', $lasso_test: true } };
      const request = await buildRequest(target, [encodeEvent(target, event)], { sentAt: new Date(now()).toISOString() }, event.uuid);
      const answer = await send(deps.fetch, target, request, now());
      return { ok: answer.verdict === 'ok', status: answer.status, text: answer.verdict === 'ok' ? answer.text : `${describeAnswer(answer)}${answer.status ? ` — ${answer.text}` : ''}` };
    },
    async aside(id: string): Promise<AsideRow[]> {
      return asideOps(deps).list(id);
    },
    /** Resend set-aside events (`seqs`, or all) one by one; accepted ones leave the list. */
    async retryAside(id: string, seqs?: number[]) {
      const target = find(await loadTargets(area), id);
      return asideOps(deps).retry(target, seqs);
    },
    async dropAside(id: string, seqs?: number[]) {
      return asideOps(deps).drop(id, seqs);
    },
  };
}
