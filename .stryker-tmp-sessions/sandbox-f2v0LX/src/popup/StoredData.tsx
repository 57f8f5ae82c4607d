// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RetentionStatus } from '../background/retention';
import { sendMessage } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { DeletionPlan } from '../store/deletion';

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, one: string) => `${n(x)} ${one}${x === 1 ? '' : 's'}`;

/** What a deletion will take, in words (the confirmation the user reads before anything goes). */
export function describePlan(plan: DeletionPlan, what: string, withActions: boolean): string {
  const actions = plan.actions
    ? withActions ? ` and ${plural(plan.actions, 'saved action')}` : `; ${plural(plan.actions, 'saved action')} stay`
    : '';
  return `Delete ${plural(plan.events, 'event')} of ${what} (${plural(plan.sessions, 'session')}, ${plural(plan.persons, 'person')} affected)${actions}?`;
}

/** The retention choices offered (null: keep all). */
export const AGE_CHOICES: [number | null, string][] = [[null, 'forever'], [365, '1 year'], [90, '90 days'], [30, '30 days'], [7, '7 days']];
export const SIZE_CHOICES: [number | null, string][] = [[null, 'the browser allows'], [500, '500 MB'], [1024, '1 GB'], [2048, '2 GB'], [5120, '5 GB']];

interface Props {
  /** The tab's site (`$host`), or null when the tab is no web page. */
  host: string | null;
  settings: Settings | null;
  onSettings: (settings: Settings) => void;
  onError: (message: string) => void;
}

/** The popup's stored-data panel: quota warning, deletion progress, retention choices, deleting a site's data or everything. */
export function StoredData({ host, settings, onSettings, onError }: Props) {
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const [confirm, setConfirm] = useState<{ site: string | null; plan: DeletionPlan } | null>(null);
  const [withActions, setWithActions] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    void sendMessage('store.retention', {}).then(setStatus, () => undefined);
    // The background writes its status after every batch: follow it without polling.
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && 'retention' in changes) setStatus(changes.retention.newValue as RetentionStatus);
    };
    browser.storage.onChanged.addListener(listener);
    controller.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
    return () => controller.abort();
  }, []);
  const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));
  const ask = (site: string | null) => {
    setWithActions(false);
    const plan = site === null ? sendMessage('store.deleteAll', { dryRun: true }) : sendMessage('store.deleteSite', { site, dryRun: true });
    void plan.then(({ plan }) => setConfirm({ site, plan }), fail);
  };
  const run = () => {
    if (!confirm) return;
    const { site } = confirm;
    setConfirm(null);
    const started = site === null ? sendMessage('store.deleteAll', { confirm: true, actions: withActions }) : sendMessage('store.deleteSite', { site, actions: withActions });
    void started.catch(fail);
  };
  const setRetention = (field: 'retentionDays' | 'retentionMB', value: string) =>
    void sendMessage('settings.update', { [field]: value === '' ? null : Number(value) }).then(onSettings, fail);
  const job = status?.job;

  return (
    <section class="stored-data" aria-labelledby="stored-data-title">
      <h2 id="stored-data-title">Stored data</h2>
      {status?.quota && (
        <p class="warning" role="alert" data-testid="quota-warning">
          The browser's storage for Lasso was full: the {plural(status.quota.deleted, 'oldest event')} were deleted so capture could go on.{' '}
          <button type="button" onClick={() => void sendMessage('store.retention', { dismissQuota: true }).then(setStatus, fail)}>Dismiss</button>
        </p>
      )}
      {job && job.kind !== 'retention' && (
        <p role="status" data-testid="deletion-progress">
          {job.kind === 'all' ? 'Deleting everything…' : `Deleting ${job.site}'s data: ${n(job.deleted)} of ${n(job.total)} events…`}{' '}
          {job.kind === 'site' && <button type="button" onClick={() => void sendMessage('store.cancelDeletion', {}).catch(fail)}>Stop</button>}
        </p>
      )}
      {settings && (
        <div class="retention">
          <label>
            Keep events{' '}
            <select value={settings.retentionDays ?? ''} onChange={(e) => setRetention('retentionDays', e.currentTarget.value)} data-testid="retention-days">
              {AGE_CHOICES.map(([v, label]) => <option key={label} value={v ?? ''}>{label}</option>)}
            </select>
          </label>
          <label>
            using at most{' '}
            <select value={settings.retentionMB ?? ''} onChange={(e) => setRetention('retentionMB', e.currentTarget.value)} data-testid="retention-mb">
              {SIZE_CHOICES.map(([v, label]) => <option key={label} value={v ?? ''}>{label}</option>)}
            </select>
          </label>
        </div>
      )}
      {confirm ? (
        <div class="confirm" role="group" aria-label="Confirm deletion">
          <p data-testid="deletion-plan">{describePlan(confirm.plan, confirm.site ?? 'every site', withActions)}</p>
          {confirm.plan.actions > 0 && (
            <label class="option">
              <input type="checkbox" checked={withActions} onChange={(e) => setWithActions(e.currentTarget.checked)} />
              <span>Delete the saved actions too</span>
            </label>
          )}
          <button type="button" class="danger" onClick={run} data-testid="confirm-delete">Delete</button>{' '}
          <button type="button" onClick={() => setConfirm(null)}>Cancel</button>
        </div>
      ) : (
        <div class="delete-buttons">
          {host && <button type="button" onClick={() => ask(host)} data-testid="delete-site">Delete this site's data…</button>}{' '}
          <button type="button" onClick={() => ask(null)} data-testid="delete-all">Delete everything…</button>
        </div>
      )}
    </section>
  );
}
