// @ts-nocheck
import { useEffect, useMemo, useRef } from 'preact/hooks';
import '../people.css';
import './trends.css';
import { navigate, routeHref } from '../route';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';
import type { ViewProps } from '../views';
import { TrendChart } from './TrendChart';
import { TrendControls, type SeriesChoices } from './TrendControls';
import { TrendTable } from './TrendTable';
import { chartData, eventsHrefOf, trendModel } from './trend-data';
import { queryFromSettings, settingsFromQuery, timeRange, trendsRequest, type SeriesRef, type TrendSettings } from './trend-route';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * `#/trends`: the chosen events and actions per hour, day or week over a range, optionally broken
 * down by a property (top 10 + Other): a uPlot chart and the same numbers in a table; a point or a
 * count opens its events in the Events view. Settings live in the route (./trend-route.ts).
 */
export function TrendsView({ route }: ViewProps) {
  const { settings, problems } = useMemo(() => settingsFromQuery(route.query), [route]);
  // "Now" is fixed per route, so re-renders send the same request (a preset ends at the hour's end).
  const now = useMemo(() => Date.now(), [route]);
  const request = trendsRequest(settings, now, timeZone());
  const sites = useRequest('query.sites', {});
  const actions = useRequest('actions.listAll', {});
  const trend = useRequest('query.trends', request);

  const choices = useMemo((): SeriesChoices => {
    const names = new Set<string>();
    for (const s of sites.data ?? []) if (!settings.site || s.site === settings.site) s.eventNames.forEach((n) => names.add(n));
    const list = (actions.data ?? []).filter((s) => !settings.site || s.site === settings.site).flatMap((s) => s.actions.map((a) => ({ id: a.id, name: settings.site ? a.name : `${a.name} (${s.site})` })));
    return { events: [...names], actions: list };
  }, [sites.data, actions.data, settings.site]);
  const actionNames = useMemo(() => new Map((actions.data ?? []).flatMap((s) => s.actions.map((a) => [a.id, a.name] as const))), [actions.data]);
  // An action saved elsewhere since the list was read (another tab, the toolbar): read the list once more.
  const askedFor = useRef('');
  const missing = actions.data ? settings.series.flatMap((s) => (s.kind === 'action' && !actionNames.has(s.id) ? [s.id] : [])).join(' ') : '';
  useEffect(() => {
    if (!missing || askedFor.current === missing) return;
    askedFor.current = missing;
    actions.reload();
  }, [missing]);
  const nameOf = (s: SeriesRef) => (s.kind === 'event' ? s.event : actionNames.get(s.id) ?? `action ${s.id}`);

  const model = useMemo(
    () => (trend.data && request ? trendModel(trend.data, settings.series, settings.interval, timeRange(settings, now), nameOf) : null),
    // Recomputed when an answer arrives: the settings then are the ones it answers (stale answers are dropped).
    [trend.data, actionNames],
  );
  const data = useMemo(() => (model ? chartData(model) : null), [model]);
  const labels = useMemo(() => model?.lines.map((l) => l.label) ?? [], [model]);
  const hrefOf = (line: number, bucket: number) => eventsHrefOf(model!, line, bucket, settings);
  const change = (next: TrendSettings) => navigate({ view: 'trends', query: queryFromSettings(next) }, { replace: true });
  const empty = model !== null && model.lines.every((l) => l.total === 0);

  return (
    <section aria-labelledby="view-title" class="trends">
      <h2 id="view-title">Trends</h2>
      <TrendControls settings={settings} choices={choices} nameOf={nameOf} onChange={change} />
      {problems.length > 0 && (
        <ul class="error" role="alert" data-testid="trend-problems">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      {!request ? (
        <EmptyState title="Pick an event or an action to chart" testId="trend-pick">
          <p>Choose one in “Add a series” above: its events are counted per {settings.interval} over the range.</p>
        </EmptyState>
      ) : trend.error ? (
        <ErrorMessage doing="draw the trend" error={trend.error} onRetry={trend.reload} />
      ) : empty ? (
        <EmptyState title="No events in this range" testId="trend-empty">
          <p>Widen the range, pick another series, or <a href={routeHref('events', undefined, { site: settings.site || undefined })}>look at the events stored</a>.</p>
        </EmptyState>
      ) : (
        <>
          <div class="trend-chart-box" aria-busy={trend.loading} aria-hidden={data ? undefined : true}>
            {data && model && <TrendChart data={data} labels={labels} interval={settings.interval} onPick={(line, bucket) => navigate(hrefOf(line, bucket))} />}
          </div>
          {trend.data?.bounded && <p class="muted" data-testid="trend-bounded">Counts are partial: {trend.data.bounded}</p>}
          {model && <TrendTable model={model} hrefOf={hrefOf} />}
        </>
      )}
    </section>
  );
}
