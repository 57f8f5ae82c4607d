// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { INTERVALS, MAX_SERIES, RANGE_PRESETS, seriesKey, type RangePreset, type SeriesRef, type TrendSettings } from './trend-route';

export interface SeriesChoices {
  events: string[];
  actions: { id: string; name: string }[];
}

/**
 * The Trends view's settings form: the lines (chips, each removable; a picker of the site's event
 * names and actions), interval, range (a preset or two days) and breakdown property. Every change
 * goes to `onChange`, which writes the route.
 */
export function TrendControls({ settings, choices, nameOf, onChange }: { settings: TrendSettings; choices: SeriesChoices; nameOf: (s: SeriesRef) => string; onChange: (s: TrendSettings) => void }) {
  const [breakdown, setBreakdown] = useState(settings.breakdown);
  useEffect(() => setBreakdown(settings.breakdown), [settings.breakdown]); // Back / a link changed it
  const chosen = new Set(settings.series.map(seriesKey));
  const full = settings.series.length >= MAX_SERIES;
  const add = (key: string) => {
    if (!key || chosen.has(key) || full) return;
    const ref: SeriesRef = key.startsWith('action:') ? { kind: 'action', id: key.slice(7) } : { kind: 'event', event: key };
    onChange({ ...settings, series: [...settings.series, ref] });
  };
  const range = settings.last || 'days';
  return (
    <form class="filters trend-controls" aria-label="Trend settings" onSubmit={(e) => {
      e.preventDefault();
      onChange({ ...settings, breakdown: breakdown.trim() });
    }}>
      <label>
        <span>Add a series</span>
        <select data-testid="trend-add" value="" disabled={full} onChange={(e) => add(e.currentTarget.value)}>
          <option value="">{full ? `At most ${MAX_SERIES} series` : 'Event or action…'}</option>
          <optgroup label="Events">
            {choices.events.map((name) => <option key={name} value={name} disabled={chosen.has(name)}>{name}</option>)}
          </optgroup>
          <optgroup label="Actions">
            {choices.actions.map((a) => <option key={a.id} value={`action:${a.id}`} disabled={chosen.has(`action:${a.id}`)}>{a.name}</option>)}
          </optgroup>
        </select>
      </label>
      <label>
        <span>Interval</span>
        <select data-testid="trend-interval" value={settings.interval} onChange={(e) => onChange({ ...settings, interval: e.currentTarget.value as TrendSettings['interval'] })}>
          {INTERVALS.map((i) => <option key={i} value={i}>{i === 'hour' ? 'Hourly' : i === 'day' ? 'Daily' : 'Weekly'}</option>)}
        </select>
      </label>
      <label>
        <span>Range</span>
        <select data-testid="trend-range" value={range} onChange={(e) => {
          const v = e.currentTarget.value;
          onChange(v === 'days' ? { ...settings, last: '' } : { ...settings, last: v as RangePreset, from: '', to: '' });
        }}>
          {Object.keys(RANGE_PRESETS).map((p) => <option key={p} value={p}>Last {RANGE_PRESETS[p as RangePreset]} days</option>)}
          <option value="days">Between days…</option>
        </select>
      </label>
      {!settings.last && (
        <>
          <label>
            <span>From</span>
            <input type="date" data-testid="trend-from" value={settings.from} onChange={(e) => onChange({ ...settings, from: e.currentTarget.value })} />
          </label>
          <label>
            <span>To</span>
            <input type="date" data-testid="trend-to" value={settings.to} onChange={(e) => onChange({ ...settings, to: e.currentTarget.value })} />
          </label>
        </>
      )}
      <label>
        <span>Break down by property</span>
        <input type="search" data-testid="trend-breakdown" placeholder="e.g. $browser" value={breakdown} onInput={(e) => setBreakdown(e.currentTarget.value)} onBlur={() => breakdown.trim() !== settings.breakdown && onChange({ ...settings, breakdown: breakdown.trim() })} />
      </label>
      {settings.series.length > 0 && (
        <ul class="chips" aria-label="Series charted">
          {settings.series.map((s) => (
            <li key={seriesKey(s)} class="chip" data-testid="trend-series">
              {nameOf(s)}
              <button type="button" aria-label={`Remove ${nameOf(s)}`} onClick={() => onChange({ ...settings, series: settings.series.filter((x) => seriesKey(x) !== seriesKey(s)) })}>×</button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
