/** "just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago" for a past time (pure). */
// @ts-nocheck

export function relativeTime(timestampMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - timestampMs) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}
