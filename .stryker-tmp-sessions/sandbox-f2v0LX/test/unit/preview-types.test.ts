// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionStep } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { startPreview, type PreviewResult } from '../../src/preview/preview';
import { eventTypeOf } from '../../src/preview/tally';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { bruteForcePreview } from '../support/brute-force';

/**
 * The stored preview's split by `$event_type` ("4 clicks · 4 changes · 1 submit") and "clicks
 * only" steps, answered from the index, against a brute-force count over generated events whose
 * `$autocapture` types vary (a field's click and change share a chain; some events have no type,
 * an empty one or a non-string one, which the index cannot tell apart and must read).
 */
const TYPES = ['click', 'change', 'submit', 'click', 'change', 'click', undefined, '', 7] as const;
const events: CaptureEvent[] = generateEvents({ count: 2500, seed: 11 }).map((e, i) => {
  if (e.event !== '$autocapture') return e;
  const properties = { ...e.properties } as Record<string, unknown>;
  const type = TYPES[i % TYPES.length];
  if (type === undefined) delete properties.$event_type;
  else properties.$event_type = type;
  return { ...e, properties: properties as CaptureEvent['properties'] };
});
const NOW = GENERATOR_NOW - 23 * 60_000;
const typeFilter = (value: string | string[], operator: 'exact' | 'is_not' | 'regex' = 'exact') => ({ key: '$event_type', value, operator, type: 'event' as const });

const ACTIONS: [string, ActionStep[]][] = [
  ['any autocapture', [{ event: '$autocapture' }]],
  ['autocapture with a selector', [{ event: '$autocapture', selector: 'button' }]],
  ['clicks only', [{ event: '$autocapture', properties: [typeFilter('click')] }]],
  ['clicks only + selector', [{ event: '$autocapture', selector: 'a', properties: [typeFilter('click')] }]],
  ['not a click', [{ event: '$autocapture', properties: [typeFilter('click', 'is_not')] }]],
  ['change or submit (list)', [{ event: '$autocapture', properties: [typeFilter(['change', 'submit'])] }]],
  ['clicks only OR pageview', [{ event: '$autocapture', properties: [typeFilter('click')] }, { event: '$pageview', url: '/cart', url_matching: 'contains' }]],
];

function run(db: LassoDatabase, steps: ActionStep[]): Promise<PreviewResult> {
  return new Promise((resolve, reject) => {
    startPreview(db, { action: { steps }, site: null, now: NOW, tzOffsetMinutes: 0, latest: 50 }, {
      onResult: (r) => r.complete && resolve(r),
      onError: reject,
    });
  });
}

/** The split the obvious way: the brute-force windows of each type's events. */
function bruteForceTypes(steps: ActionStep[]): PreviewResult['types'] {
  const out: PreviewResult['types'] = {};
  for (const type of new Set(events.map(eventTypeOf))) {
    const { windows } = bruteForcePreview(events.filter((e) => eventTypeOf(e) === type), { steps }, { now: NOW });
    if (windows.all) out[type] = windows;
  }
  return out;
}

describe('preview split by $event_type equals a brute-force count', { timeout: 30_000 }, () => {
  let db: LassoDatabase;
  beforeAll(async () => {
    db = await openLassoDB(new IDBFactory());
    for (let i = 0; i < events.length; i += 500) await ingestEvents(db, events.slice(i, i + 500));
  });

  it.each(ACTIONS)('%s', async (_name, steps) => {
    const got = await run(db, steps);
    const want = bruteForcePreview(events, { steps }, { now: NOW });
    expect({ windows: got.windows, latest: got.latest.map((e) => e.uuid) }).toEqual({ windows: want.windows, latest: want.latest });
    expect(got.types).toEqual(bruteForceTypes(steps));
    expect(want.windows.all).toBeGreaterThan(0);
  });

  it.each(ACTIONS)('%s: typed series are judged by the index; only untyped ones are read', async (_name, steps) => {
    const got = await run(db, steps);
    // A type filter cannot judge type '' (missing, empty or non-string): those series alone are read.
    const typed = steps.find((s) => s.properties?.length);
    const untyped = events.filter((e) => eventTypeOf(e) === '');
    const reads = typed ? bruteForcePreview(untyped, { steps: [{ ...typed, properties: undefined }] }, { now: NOW }).windows.all : 0;
    expect(got.stats.candidateEvents).toBe(reads);
  });
});
