// @ts-nocheck
import type { ActionStep } from '../actions/types';
import type { CaptureEvent } from '../events/types';
import { loadCatalog, onIngested } from '../store/catalog';
import { personsOfIds } from '../store/persons';
import { eventMs, indexedParts } from '../store/rows';
import type { LassoDatabase } from '../store/schema';
import { queryIndex } from './index-query';
import { planPreview, type PreviewPlan } from './plan';
import { scanSeries } from './scan';
import { inSite, partsKey, selectSeries } from './select';
import { addEvent, mergeTally, perDay, type Tally, type WindowName } from './tally';

export interface PreviewQuery {
  /** A saved action or a draft; only its steps matter. */
  action: { steps: ActionStep[] };
  /** Count only events of this site (host with port, as siteKeyOf gives it); null = all sites. */
  site: string | null;
  /** Windows end here (ms). */
  now: number;
  /** Minutes added to UTC for local days (`-new Date().getTimezoneOffset()`). */
  tzOffsetMinutes: number;
  /** How many latest matches to return (50 in the toolbar). */
  latest: number;
}

export interface PreviewResult {
  now: number;
  windows: Record<WindowName, number>;
  /**
   * The windows split by `$event_type` (e.g. an `$autocapture` step matches a checkbox's click
   * and its change); '' = events without one. Types with no match in any window are left out.
   */
  types: Record<string, Record<WindowName, number>>;
  /** Matches per local day, ascending; days without matches left out. */
  perDay: { day: string; count: number }[];
  /** Newest first. */
  latest: CaptureEvent[];
  /** False while the fallback scan still reads events: the counts so far are a lower bound. */
  complete: boolean;
  stats: {
    exactSeries: number;
    candidateSeries: number;
    candidateEvents: number;
    /** Judging the catalog's series (ms). */
    selectMs: number;
    indexMs: number;
    /** Where indexMs went. */
    indexPhases: { counts: number; boundary: number; latest: number; events: number };
    scanMs: number;
  };
}

export interface PreviewCallbacks {
  /** The first answer, the answer after a fallback scan, and one after every batch that adds matches. */
  onResult(result: PreviewResult): void;
  onProgress?(fraction: number): void;
  onError?(error: unknown): void;
}

export interface PreviewHandle {
  /** Stop the query (an unfinished scan stops at its next chunk) and stop live updates. */
  cancel(): void;
  /** Settles when the initial answer is complete, cancelled or failed. */
  done: Promise<void>;
}

/**
 * Run a preview and keep it live. Never scans all events: series are judged once against the
 * in-memory catalog, exact series are answered from counts and refs, and only series that
 * need raw-event conditions are read (with progress, cancellable). Events stored meanwhile are
 * held and applied afterwards unless the answer already counted them; later batches are
 * applied as they commit, without rescanning.
 */
export function startPreview(db: LassoDatabase, query: PreviewQuery, cb: PreviewCallbacks): PreviewHandle {
  const controller = new AbortController();
  const signal = controller.signal;
  const held = new Map<string, CaptureEvent>();
  let live: { tally: Tally; plan: PreviewPlan; stats: PreviewResult['stats'] } | null = null;

  /** The events of `list` that count (site, time, the action; with the persons' current properties when a step filters on them). */
  const relevant = async (plan: PreviewPlan, list: CaptureEvent[]): Promise<CaptureEvent[]> => {
    const candidates = list.filter((e) => inSite(indexedParts(e).host, query.site) && eventMs(e) !== null);
    const persons = plan.usesPerson && candidates.length ? await personsOfIds(db, candidates.map((e) => String(e.distinct_id))) : undefined;
    return candidates.filter((e) => plan.full.matches(e, persons?.get(String(e.distinct_id))));
  };
  const emit = (tally: Tally, complete: boolean, stats: PreviewResult['stats']) =>
    cb.onResult({
      now: tally.now,
      windows: { ...tally.windows },
      types: Object.fromEntries([...tally.types].filter(([, w]) => w.all > 0).map(([type, w]) => [type, { ...w }])),
      perDay: perDay(tally.hourly, query.tzOffsetMinutes),
      latest: tally.latest.map((l) => l.event),
      complete,
      stats,
    });

  const unsubscribe = onIngested(db, (stored) => {
    if (signal.aborted) return;
    if (!live) return void stored.forEach((e) => held.set(e.uuid, e));
    const current = live;
    void relevant(current.plan, stored).then((matched) => {
      if (signal.aborted || !matched.length) return;
      matched.forEach((e) => addEvent(current.tally, e, eventMs(e)!, query.latest));
      emit(current.tally, true, current.stats);
    }, (error) => cb.onError?.(error));
  });

  const run = async () => {
    const plan = planPreview(query.action);
    const catalog = await loadCatalog(db);
    signal.throwIfAborted();
    const tSelect = performance.now();
    const sel = selectSeries(catalog, plan, query.site);
    const t0 = performance.now();
    const index = await queryIndex(db, sel.exact, {
      now: query.now,
      keep: query.latest,
      signal,
      groupTotals: sel.groupTotals,
      pending: () => [...held.values()].map((e) => [e.uuid, sel.exactKeys.has(partsKey(e))]),
    });
    const stats = {
      exactSeries: sel.exact.length,
      candidateSeries: sel.candidates.length,
      candidateEvents: sel.candidates.reduce((n, s) => n + s.n, 0),
      selectMs: t0 - tSelect,
      indexMs: performance.now() - t0,
      indexPhases: index.phases,
      scanMs: 0,
    };
    const { tally, counted } = index;
    if (sel.candidates.length) {
      emit(tally, false, stats);
      const t1 = performance.now();
      const scan = await scanSeries(db, sel.candidates, (e, person) => plan.full.matches(e, person), {
        withPersons: plan.usesPerson,
        now: query.now,
        keep: query.latest,
        signal,
        onProgress: cb.onProgress,
        pending: held,
      });
      stats.scanMs = performance.now() - t1;
      mergeTally(tally, scan.tally, query.latest);
      scan.counted.forEach((u) => counted.add(u));
    }
    signal.throwIfAborted();
    // Events stored meanwhile; more may arrive while their persons are read, so until none is left.
    while (held.size) {
      const batch = [...held.values()].filter((e) => !counted.has(e.uuid));
      held.clear();
      for (const e of await relevant(plan, batch)) addEvent(tally, e, eventMs(e)!, query.latest);
      signal.throwIfAborted();
    }
    live = { tally, plan, stats };
    emit(tally, true, stats);
  };

  const done = run().catch((error) => {
    unsubscribe();
    if (!signal.aborted) cb.onError?.(error);
  });
  return {
    cancel() {
      controller.abort();
      unsubscribe();
    },
    done,
  };
}
