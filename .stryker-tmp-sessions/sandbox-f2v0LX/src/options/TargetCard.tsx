// @ts-nocheck
import { useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
import type { TargetStatus } from '../sync/service';
import type { AsideRow } from '../sync/state';
import type { TargetView } from '../sync/types';

const KIND = { posthog: 'PostHog', segment: 'Segment-compatible', webhook: 'Webhook' } as const;
const when = (ms: number | null | undefined): string => (ms ? new Date(ms).toLocaleString() : 'never');

/** One target: what it sends where, its delivery status, and its controls (test, pause/resume, edit, remove, set-aside events). */
export function TargetCard({ target, status, onChanged, onEdit }: { target: TargetView; status?: TargetStatus; onChanged: () => void; onEdit: () => void }) {
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const [aside, setAside] = useState<AsideRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setAnswer({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  const test = () => act(async () => {
    const got = await sendMessage('sync.test', { id: target.id });
    setAnswer({ ok: got.ok, text: `${got.ok ? 'Accepted' : 'Refused'} (${got.status || 'no answer'}): ${got.text}` });
  });
  const loadAside = () => act(async () => setAside(await sendMessage('sync.aside', { id: target.id })));
  const label = `${target.name}`;
  return (
    <article class="target" aria-label={`Target ${label}`}>
      <h3>{target.name} <span class="muted">· {KIND[target.kind]}{target.paused ? ' · paused' : ''}</span></h3>
      <dl>
        <dt>Sends to</dt><dd>{target.endpoint}</dd>
        <dt>Events</dt><dd>{target.actions.length ? `matching ${target.actions.length} action(s)` : 'all'}{target.sites.length ? ` from ${target.sites.join(', ')}` : ' from every site'}{target.cohorts?.length ? `, of members of ${target.cohorts.length} cohort(s)` : ''}</dd>
        {status && (
          <>
            <dt>Delivered</dt><dd data-testid="delivered">{status.delivered}</dd>
            <dt>Waiting</dt><dd>{status.waiting}</dd>
            <dt>Set aside</dt><dd data-testid="set-aside">{status.setAside}</dd>
            {status.deletedBeforeDelivery > 0 && (<><dt>Deleted before delivery</dt><dd>{status.deletedBeforeDelivery} (removed by retention or a deletion before they could be sent)</dd></>)}
            <dt>Last success</dt><dd>{when(status.lastSuccess)}</dd>
            {status.retryAt && (<><dt>Next try</dt><dd>{when(status.retryAt)}</dd></>)}
            {status.lastError && (<><dt>Last error</dt><dd class="error">{status.lastError}</dd></>)}
          </>
        )}
        {target.pausedReason && (<><dt>Paused because</dt><dd class="error">{target.pausedReason}</dd></>)}
      </dl>
      <div class="row">
        <button type="button" disabled={busy} onClick={test} aria-label={`Send a test event to ${label}`}>Send a test event</button>
        <button type="button" disabled={busy} onClick={() => act(() => sendMessage('sync.pause', { id: target.id, paused: !target.paused }))} aria-label={`${target.paused ? 'Resume' : 'Pause'} ${label}`}>{target.paused ? 'Resume' : 'Pause'}</button>
        <button type="button" disabled={busy} onClick={onEdit} aria-label={`Edit ${label}`}>Edit</button>
        <button type="button" disabled={busy} onClick={() => confirm(`Remove the target ${target.name}? Its status and set-aside list go too; stored events stay.`) && act(() => sendMessage('sync.remove', { id: target.id }))} aria-label={`Remove ${label}`}>Remove</button>
        {(status?.setAside ?? 0) > 0 && <button type="button" disabled={busy} onClick={loadAside} aria-label={`Show the events set aside for ${label}`}>Show set-aside events</button>}
      </div>
      {answer && <p class={`answer ${answer.ok ? 'ok' : 'error'}`} role="status">{answer.text}</p>}
      {aside && (
        <div>
          {aside.length === 0 ? <p class="muted">Nothing is set aside.</p> : (
            <ul class="aside" aria-label={`Events set aside for ${label}`}>
              {aside.map((row) => <li key={row.seq}>{row.uuid}: {row.reason}</li>)}
            </ul>
          )}
          <div class="row">
            <button type="button" disabled={busy || !aside.length} onClick={() => act(async () => { await sendMessage('sync.retryAside', { id: target.id }); setAside(await sendMessage('sync.aside', { id: target.id })); })}>Retry all set-aside events</button>
            <button type="button" disabled={busy || !aside.length} onClick={() => act(async () => { await sendMessage('sync.dropAside', { id: target.id }); setAside([]); })}>Drop all set-aside events</button>
          </div>
        </div>
      )}
    </article>
  );
}
