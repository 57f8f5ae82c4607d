// @ts-nocheck
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
import type { TargetStatus } from '../sync/service';
import type { TargetView } from '../sync/types';
import { TargetCard } from './TargetCard';
import { TargetForm } from './TargetForm';

/** How often the section refreshes delivery status while open. */
const REFRESH_MS = 2_000;

/** "Sync targets": the list of targets with their status, and the add/edit form. */
export function SyncTargets() {
  const [targets, setTargets] = useState<TargetView[] | null>(null);
  const [status, setStatus] = useState<Map<string, TargetStatus>>(new Map());
  const [form, setForm] = useState<{ editing?: TargetView } | null>(null);
  const [error, setError] = useState('');

  const refresh = useCallback(async () => {
    try {
      const [list, states] = await Promise.all([sendMessage('sync.targets', {}), sendMessage('sync.status', {})]);
      setTargets(list);
      setStatus(new Map(states.map((s) => [s.id, s])));
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const done = (saved: boolean) => {
    setForm(null);
    if (saved) void refresh();
  };

  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync targets</h2>
      <p class="muted">Lasso sends the events it stores to these targets from the background, resuming after restarts and outages. Keys stay in this browser's extension storage.</p>
      {error && <p class="error" role="alert">{error}</p>}
      {targets && targets.length === 0 && !form && (
        <p>No targets yet. Add a target to send your events to PostHog, a Segment-compatible API (Segment, RudderStack, Jitsu) or a webhook.</p>
      )}
      {targets?.map((t) =>
        form?.editing?.id === t.id ? (
          <TargetForm key={t.id} editing={t} onDone={done} />
        ) : (
          <TargetCard key={t.id} target={t} status={status.get(t.id)} onChanged={refresh} onEdit={() => setForm({ editing: t })} />
        ),
      )}
      {form && !form.editing && <TargetForm onDone={done} />}
      {!form && (
        <div class="row">
          <button type="button" onClick={() => setForm({})}>Add a target</button>
        </div>
      )}
    </section>
  );
}
