// @ts-nocheck
import type { TargetStatus } from '../sync/service';
import type { TargetView } from '../sync/types';

/** The popup's one line of sync state; `warn` when something needs the user (paused, set aside). */
export interface SyncLine {
  text: string;
  /** The paused targets' reasons in full (the line names them only; it is one line). */
  detail: string;
  warn: boolean;
}

const n = (x: number) => x.toLocaleString('en');

/**
 * One line of sync state from `sync.targets` and `sync.status`; null when there is no target (the
 * popup then shows nothing). "Waiting" is the largest backlog of a running target: the events not
 * yet everywhere they go, not the sum of deliveries.
 */
export function describeSync(targets: Pick<TargetView, 'id' | 'name' | 'paused' | 'pausedReason'>[], statuses: TargetStatus[]): SyncLine | null {
  if (targets.length === 0) return null;
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const running = targets.filter((t) => !t.paused);
  const paused = targets.filter((t) => t.paused);
  const waiting = Math.max(0, ...running.map((t) => byId.get(t.id)?.waiting ?? 0));
  const retrying = running.filter((t) => byId.get(t.id)?.retryAt != null);
  const aside = targets.reduce((sum, t) => sum + (byId.get(t.id)?.setAside ?? 0), 0);

  const parts = [`Sync: ${targets.length === 1 ? '1 target' : `${n(targets.length)} targets`}`];
  if (running.length) parts[0] += waiting ? `, ${n(waiting)} waiting` : running.length === targets.length ? ', all delivered' : ', the others delivered';
  if (retrying.length) parts.push(`retrying: ${retrying.map((t) => t.name).join(', ')}`);
  if (aside) parts.push(`${n(aside)} set aside`);
  if (paused.length) parts.push(`${paused.length} paused: ${paused.map((t) => t.name).join(', ')}`);
  const detail = paused.map((t) => `${t.name}: ${t.pausedReason ?? 'paused by you'}`).join('\n');
  return { text: parts.join(' · '), detail, warn: paused.length > 0 || aside > 0 || retrying.length > 0 };
}
