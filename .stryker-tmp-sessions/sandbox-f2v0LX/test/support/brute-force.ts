// @ts-nocheck
import { compileAction } from '../../src/actions';
import type { ActionStep } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents } from '../../src/persons';
import { inSite } from '../../src/preview/select';

/**
 * The preview's answer computed the obvious way: judge every event with the compiled action and
 * its person (personsFromEvents over the same events: current properties, as PostHog joins them).
 * Tests (unit and e2e) compare the indexed preview against this.
 */
export function bruteForcePreview(
  events: CaptureEvent[],
  action: { steps: ActionStep[] },
  { now, site = null, tzOffsetMinutes = 0, latest = 50 }: { now: number; site?: string | null; tzOffsetMinutes?: number; latest?: number },
) {
  const compiled = compileAction(action);
  const personOf = new Map<string, { properties: Record<string, unknown> }>();
  for (const person of personsFromEvents(events).persons) for (const id of person.distinct_ids) personOf.set(id, person);
  const matched = events.filter(
    (e) => inSite(String(e.properties.$host ?? ''), site) && compiled.matches(e, personOf.get(String(e.distinct_id))),
  );
  const H = 3_600_000;
  const ms = (e: CaptureEvent) => Date.parse(e.timestamp);
  const since = (w: number) => matched.filter((e) => ms(e) >= now - w).length;
  const days = new Map<string, number>();
  for (const e of matched) {
    const day = new Date(ms(e) + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return {
    windows: { '1h': since(H), '24h': since(24 * H), '7d': since(7 * 24 * H), '30d': since(30 * 24 * H), all: matched.length },
    perDay: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count })),
    latest: [...matched]
      .sort((a, b) => ms(b) - ms(a) || (a.uuid < b.uuid ? -1 : 1))
      .slice(0, latest)
      .map((e) => e.uuid),
  };
}
