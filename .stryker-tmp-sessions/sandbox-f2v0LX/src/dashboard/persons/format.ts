/**
 * How the Persons and Sessions views write times, durations and person properties (pure, so the
 * same value reads the same everywhere and tests can hold it).
 */
// @ts-nocheck


const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-10-03 14:05:12` in the browser's time zone; `—` for a missing or unreadable time. */
export function formatTime(iso: string | number | null | undefined): string {
  const ms = typeof iso === 'number' ? iso : iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A duration in whole seconds: `45 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** Time since a session's start: `+0:00`, `+1:05`, `+1:02:03` (h:mm:ss once past an hour). */
export function formatOffset(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `+${h}:${pad(m)}:${pad(s % 60)}` : `+${m}:${pad(s % 60)}`;
}

/** A property value as text: strings as they are, everything else as JSON. */
export const valueText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/** The properties that name a person, in the order the list shows them (first two present are shown). */
export const KEY_PROPERTIES = ['email', '$email', 'name', '$name', 'username', 'company'] as const;

/** The key properties a person has, in KEY_PROPERTIES order, at most `limit`. */
export function keyProperties(properties: Record<string, unknown>, limit = 2): [string, string][] {
  const out: [string, string][] = [];
  for (const key of KEY_PROPERTIES) {
    const value = properties[key];
    if (value !== undefined && value !== null && value !== '' && out.length < limit) out.push([key, valueText(value)]);
  }
  return out;
}

/**
 * A merge warning in plain words: the reason without PostHog's warning type (shown apart), first
 * letter up. `merge refused: … (cannot_merge_already_identified)` →
 * `{ text: 'Merge refused: …', type: 'cannot_merge_already_identified' }`.
 */
export function warningText(reason: string): { text: string; type: string | null } {
  const m = /^(.*?)\s*\(([a-z0-9_]+)\)$/s.exec(reason.trim());
  const text = m ? m[1] : reason.trim();
  return { text: text.charAt(0).toUpperCase() + text.slice(1), type: m ? m[2] : null };
}
