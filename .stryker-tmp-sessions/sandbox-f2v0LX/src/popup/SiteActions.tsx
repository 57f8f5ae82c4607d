// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { StoredAction } from '../actions/types';
import type { ActionHealth } from '../health/decide';
import { sendMessage } from '../messaging/protocol';
import type { ActionSummary } from '../preview/summary';
import { lastDays, tzOffsetNow } from './days';
import { brokenText, describeChain, pathOf } from './describe-health';
import { HealthNotifyOption } from './HealthNotifyOption';
import { DAYS } from './useLiveEvents';
import { Sparkline } from './Sparkline';

interface Props {
  host: string;
  url: string;
  /**
   * False until the popup's first data (the site's counts) is in: the actions' counts and health
   * cost more, and asked at the same time they would delay that first paint.
   */
  ready: boolean;
  /** Open the toolbar in this tab, on `page` when given (a repair). */
  onOpenToolbar(page: string | null): void;
}

const n = (x: number) => x.toLocaleString('en');
const fail = (set: (m: string) => void) => (e: unknown) => set(e instanceof Error ? e.message : String(e));

/**
 * The site's saved actions: stored matches and a 14-day sparkline each, and the broken badge of
 * action health (src/health) whose details name where it stopped, its last element, the elements
 * that took its place, and open the toolbar there. Names arrive first; counts and badges fill
 * slots of fixed size, so nothing moves while they load.
 */
export function SiteActions({ host, url, ready, onOpenToolbar }: Props) {
  const [actions, setActions] = useState<StoredAction[] | null>(null);
  const [summaries, setSummaries] = useState<Map<string, ActionSummary> | null>(null);
  const [health, setHealth] = useState<Map<string, ActionHealth> | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let stale = false;
    const guard = <T,>(set: (v: T) => void) => (v: T) => !stale && set(v);
    setActions(null);
    setSummaries(null);
    setHealth(null);
    if (!ready) return;
    void sendMessage('actions.list', { site: host }).then(guard(setActions), fail(guard(setError)));
    void sendMessage('actions.summary', { site: host, url, tzOffsetMinutes: tzOffsetNow() }).then((list) => guard(setSummaries)(new Map(list.map((s) => [s.id, s]))), fail(guard(setError)));
    void sendMessage('actions.health', { site: host }).then((list) => guard(setHealth)(new Map(list.map((h) => [h.id, h]))), fail(guard(setError)));
    return () => {
      stale = true;
    };
  }, [host, url, ready]);
  const now = Date.now();
  const tz = tzOffsetNow();
  return (
    <section class="site-actions" aria-labelledby="site-actions-title">
      <h2 id="site-actions-title">Actions</h2>
      {error && <p class="error" role="alert">{error}</p>}
      {actions === null && <p class="muted actions-loading">Loading actions…</p>}
      {actions?.length === 0 && (
        <p class="muted" data-testid="no-actions">
          No actions on this site yet. Open the toolbar to define your first action.{' '}
          <button type="button" class="link-button" onClick={() => onOpenToolbar(null)}>Open the toolbar</button>
        </p>
      )}
      {actions && actions.length > 0 && (
        <ul class="actions" data-testid="action-list">
          {actions.map((a) => {
            const s = summaries?.get(a.id);
            const h = health?.get(a.id);
            const broken = h?.status === 'broken';
            const detailsId = `health-${a.id}`;
            return (
              <li key={a.id} data-testid="action-row" data-name={a.name} data-status={h?.status ?? ''}>
                <div class="action-line">
                  <span class="action-name">{a.name}</span>
                  <span class="action-count" data-testid="action-count">{s ? `${n(s.windows.all)} match${s.windows.all === 1 ? '' : 'es'}` : '…'}</span>
                  <Sparkline values={s ? lastDays(s.perDay, now, tz, DAYS) : null} what={`${a.name} matches per day`} width={64} height={16} />
                  <span class="health-slot">
                    {broken && (
                      <button
                        type="button"
                        class="badge badge-warn"
                        data-testid="broken-badge"
                        aria-label={`${a.name} is broken: where and since when`}
                        title="Matched on this page before, matches nothing now though the page is still visited"
                        aria-expanded={open === a.id}
                        aria-controls={detailsId}
                        onClick={() => setOpen(open === a.id ? null : a.id)}
                      >
                        broken
                      </button>
                    )}
                    {h?.status === 'no data' && <span class="badge" title="No stored match yet: nothing to judge">no data</span>}
                  </span>
                </div>
                {broken && (
                  <div id={detailsId} class="health-details" data-testid="health-details" hidden={open !== a.id}>
                    <p>{brokenText(h)}</p>
                    {h.candidates.length > 0 && (
                      <>
                        <p>In its place on {pathOf(h.page ?? '')} now:</p>
                        <ol class="candidates" data-testid="candidates">
                          {h.candidates.map((c) => (
                            <li key={c.chain}>
                              {describeChain(c.chain)} <span class="muted">· {n(c.n)} event{c.n === 1 ? '' : 's'}</span>
                            </li>
                          ))}
                        </ol>
                      </>
                    )}
                    <button type="button" class="link-button" data-testid="repair" onClick={() => onOpenToolbar(h.page)}>
                      Open the toolbar on {pathOf(h.page ?? '')} to repair it
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <HealthNotifyOption onError={setError} />
    </section>
  );
}
