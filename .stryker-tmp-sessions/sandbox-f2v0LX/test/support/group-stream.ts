// @ts-nocheck
import type { CaptureEvent } from '../../src/events/types';
import { prng, uuidAt } from './people-stream';

/**
 * A random event stream that stresses the group rules, not realism: seven group types (so the
 * five-type limit bites and which types win depends on event time), few keys, `$groupidentify`
 * with `$group_set` values that are loosely equal (`1` / `'1'`), missing, null or not objects,
 * falsy types and keys, personless events, `$groups` on ordinary events. Every uuid is distinct;
 * timestamps are coarse (ties) and not in order.
 */
export function groupStream(seed: number, count: number): CaptureEvent[] {
  const r = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const types = ['company', 'project', 'team', 'org', 'workspace', 'region', 'plan'];
  const keys = ['acme', 'globex', '42', 'initech', '__proto__'];
  const base = Date.parse('2026-11-01T10:00:00.000Z');
  const out: CaptureEvent[] = [];
  for (let i = 0; i < count; i++) {
    const ms = base + Math.floor(r() * 120) * 60_000;
    const properties: Record<string, unknown> = {};
    const identify = r() < 0.45;
    if (r() < 0.5) {
      const groups: Record<string, unknown> = {};
      for (let n = Math.floor(r() * 3); n >= 0; n--) groups[pick(types)] = pick([...keys, 7]);
      properties.$groups = groups;
    }
    if (identify) {
      properties.$group_type = pick([...types, ...types, '', null]);
      properties.$group_key = pick([...keys, ...keys, '', 0, 42]);
      const set = pick(['object', 'object', 'object', 'none', 'null', 'string']);
      if (set === 'object') properties.$group_set = { name: pick(['A', 'B']), seats: pick([1, '1', 2]), [pick(['x', 'y'])]: i };
      if (set === 'null') properties.$group_set = null;
      if (set === 'string') properties.$group_set = 'oops';
    }
    if (r() < 0.05) properties.$process_person_profile = false;
    out.push({ uuid: uuidAt(ms, i), event: identify ? '$groupidentify' : pick(['$pageview', '$autocapture']), distinct_id: pick(['u1', 'u2']), timestamp: new Date(ms).toISOString(), properties });
  }
  return out;
}
