// @ts-nocheck
import type { PreviewResult } from '../../preview/preview';
import { relativeTime } from '../../ui/time';
import { describeEvent } from '../../ui/describe';
import type { StoredPreview as State } from '../services/usePreview';
import { typeSplit } from './type-split';

const WINDOW_LABELS: [keyof PreviewResult['windows'], string][] = [['1h', '1 h'], ['24h', '24 h'], ['7d', '7 d'], ['30d', '30 d'], ['all', 'all']];
const DAY_MS = 86_400_000;

/** The last `days` local days ending at `now`, with counts (0 for days without matches). */
export function dayBars(perDay: PreviewResult['perDay'], now: number, tzOffsetMinutes: number, days = 30): { day: string; count: number }[] {
  const counts = new Map(perDay.map((d) => [d.day, d.count]));
  const out: { day: string; count: number }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(now + tzOffsetMinutes * 60_000 - i * DAY_MS).toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}

/** Stored-event preview: counts per window, their split by type, matches per day (30 days), latest matches. */
export function StoredPreview({ state }: { state: State }) {
  const { result, error, pending, progress } = state;
  if (error) return <p class="lasso-error" role="alert">{error}</p>;
  if (!result) return <p class="lasso-muted">{pending ? 'Counting stored events…' : 'Stored matches appear here.'}</p>;
  const bars = dayBars(result.perDay, result.now, -new Date().getTimezoneOffset());
  const max = Math.max(1, ...bars.map((b) => b.count));
  const split = typeSplit(result.types, 'all');
  return (
    <div class={`lasso-stored${pending ? ' lasso-stale' : ''}`} data-testid="stored-preview">
      <table class="lasso-windows">
        <tbody>
          <tr>{WINDOW_LABELS.map(([, label]) => <th key={label} scope="col">{label}</th>)}</tr>
          <tr>{WINDOW_LABELS.map(([key]) => <td key={key} data-window={key}>{result.windows[key].toLocaleString('en')}</td>)}</tr>
        </tbody>
      </table>
      {split && <p class="lasso-type-split" data-testid="type-split" title="all stored matches by $event_type">{split}</p>}
      {!result.complete && <p class="lasso-muted">Scanning events… {progress !== null ? `${Math.round(progress * 100)} %` : ''}</p>}
      <div class="lasso-days" role="img" aria-label={`matches per day, last 30 days: ${bars.reduce((n, b) => n + b.count, 0).toLocaleString('en')} in all`}>
        {bars.map((b) => (
          <span key={b.day} class="lasso-day" style={{ height: `${Math.round((b.count / max) * 100)}%` }} title={`${b.day}: ${b.count}`} />
        ))}
      </div>
      {result.latest.length > 0 && (
        <ul class="lasso-latest">
          {result.latest.slice(0, 8).map((e) => (
            <li key={e.uuid}>
              <code>{e.event}</code> <span class="lasso-ellipsis">{describeEvent(e)}</span>
              <time>{relativeTime(Date.parse(e.timestamp), result.now)}</time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
