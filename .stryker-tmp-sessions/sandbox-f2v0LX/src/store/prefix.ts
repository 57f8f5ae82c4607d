/**
 * v6: the events store keeps only its compound `[field, timestamp]` indexes (`host_time`,
 * `distinct_time`, `session_time`, `event_time`); the single-field ones they start with were
 * dropped (each cost an index entry per ingested event). `withFirst(v)` is every key of such an
 * index whose first part is `v`, whatever the second part's type: `[v]` sorts before every
 * `[v, x]`, and `[v, []]` after every `[v, x]` that is not an array (arrays sort last).
 */
// @ts-nocheck

export function withFirst(value: IDBValidKey): IDBKeyRange {
  return IDBKeyRange.bound([value], [value, []]);
}
