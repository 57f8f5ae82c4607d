// @ts-nocheck
import { useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { NO_FILTERS, TIME_PRESETS, type EventFilters as Filters, type TimePreset } from './filters';
import { PropertyFilters } from './PropertyFilters';

const PRESET_LABELS: Record<TimePreset, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' };

/** An ISO time as a datetime-local input's value (local time, minutes), and back (pure). */
export const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
export const fromLocalInput = (value: string): string => (value ? new Date(value).toISOString() : '');

export interface EventFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
  /** Event names to suggest (the site's, most frequent first). */
  eventNames: string[];
  /** Saved actions to filter by (the site's when a site is chosen). */
  actions: StoredAction[];
}

/**
 * The Events view's filters. Each change is one `onChange` with the whole new filter set (the view
 * writes it to the route); text fields apply on Enter or when they lose focus.
 */
export function EventFilters({ filters, onChange, eventNames, actions }: EventFiltersProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const [custom, setCustom] = useState(!!(filters.from || filters.to));
  const [draftEvent, setDraftEvent] = useState('');
  const timeValue = filters.last || (custom || filters.from || filters.to ? 'custom' : '');
  const addEvent = (name: string) => {
    const n = name.trim();
    setDraftEvent('');
    if (n && !filters.events.includes(n)) set({ events: [...filters.events, n] });
  };
  return (
    <form class="filters" aria-label="Event filters" data-testid="event-filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>Time</span>
        <select
          data-testid="filter-time"
          value={timeValue}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setCustom(v === 'custom');
            set(v === 'custom' ? { last: '' } : { last: v as TimePreset | '', from: '', to: '' });
          }}
        >
          <option value="">Any time</option>
          {(Object.keys(TIME_PRESETS) as TimePreset[]).map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
          <option value="custom">Between…</option>
        </select>
      </label>
      {timeValue === 'custom' && (
        <>
          <label>
            <span>From</span>
            <input type="datetime-local" data-testid="filter-from" value={toLocalInput(filters.from)} onChange={(e) => set({ from: fromLocalInput(e.currentTarget.value) })} />
          </label>
          <label>
            <span>To</span>
            <input type="datetime-local" data-testid="filter-to" value={toLocalInput(filters.to)} onChange={(e) => set({ to: fromLocalInput(e.currentTarget.value) })} />
          </label>
        </>
      )}
      <label>
        <span>Event</span>
        <input
          list="event-names"
          data-testid="filter-event"
          placeholder="e.g. $pageview"
          value={draftEvent}
          onInput={(e) => setDraftEvent(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && addEvent(draftEvent)}
          onChange={(e) => addEvent(e.currentTarget.value)}
        />
        <datalist id="event-names">
          {eventNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      {filters.events.length > 0 && (
        <ul class="chips" aria-label="Event names shown">
          {filters.events.map((n) => (
            <li key={n} data-testid="event-chip">
              <span class="mono">{n}</span>
              <button type="button" aria-label={`Remove event ${n}`} onClick={() => set({ events: filters.events.filter((x) => x !== n) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label>
        <span>Action</span>
        <select data-testid="filter-action" value={filters.action} onChange={(e) => set({ action: e.currentTarget.value })}>
          <option value="">Any</option>
          {filters.action && !actions.some((a) => a.id === filters.action) && <option value={filters.action}>{filters.action} (not found)</option>}
          {actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} · {a.site}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>URL</span>
        <select aria-label="URL match" data-testid="filter-url-match" value={filters.urlMatch} onChange={(e) => set({ urlMatch: e.currentTarget.value as Filters['urlMatch'] })}>
          <option value="contains">contains</option>
          <option value="exact">is exactly</option>
        </select>
        <input data-testid="filter-url" value={filters.url} placeholder="/checkout" onChange={(e) => set({ url: e.currentTarget.value })} />
      </label>
      <label>
        <span>Person</span>
        <input data-testid="filter-person" value={filters.person} placeholder="any of its distinct ids" onChange={(e) => set({ person: e.currentTarget.value.trim() })} />
      </label>
      <label>
        <span>Session</span>
        <input data-testid="filter-session" value={filters.session} placeholder="$session_id" onChange={(e) => set({ session: e.currentTarget.value.trim() })} />
      </label>
      <PropertyFilters filters={filters.properties} onChange={(properties) => set({ properties })} />
      <label class="live-switch">
        <input type="checkbox" role="switch" data-testid="filter-live" checked={filters.live} onChange={(e) => set({ live: e.currentTarget.checked })} />
        <span>Live: add new events as they are stored</span>
      </label>
      <button type="button" data-testid="filter-clear" onClick={() => (setCustom(false), onChange({ ...NO_FILTERS, site: filters.site, live: filters.live }))}>
        Clear filters
      </button>
    </form>
  );
}
