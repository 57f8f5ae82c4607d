// @ts-nocheck
import type { SiteDays } from '../store/queries/site-days';
import { Sparkline } from './Sparkline';
import { DAYS } from './useLiveEvents';

const n = (x: number) => x.toLocaleString('en');

/**
 * Today's events and sessions of the site with a sparkline of the last days each (`data`: the
 * popup's one `store.siteDays`, null while loading: the boxes keep their size).
 */
export function SiteToday({ data, capturing }: { data: SiteDays | null; capturing: boolean }) {
  const today = (list: number[] | undefined) => (list ? n(list[list.length - 1]) : '…');
  const empty = data && data.events.every((x) => x === 0);
  return (
    <section class="site-today" aria-labelledby="site-today-title">
      <h2 id="site-today-title">Today on this site</h2>
      <div class="stats">
        <div class="stat">
          <span class="stat-value" data-testid="today-events">{today(data?.events)}</span>
          <span class="stat-name">events</span>
          <Sparkline values={data?.events ?? null} what="Events per day" />
        </div>
        <div class="stat">
          <span class="stat-value" data-testid="today-sessions">{today(data?.sessions)}</span>
          <span class="stat-name">sessions</span>
          <Sparkline values={data?.sessions ?? null} what="Sessions started per day" />
        </div>
      </div>
      {/* Always there, one line tall, so the note arriving with the data moves nothing. */}
      <p class="muted today-note" data-testid="today-empty">
        {empty ? (capturing ? `Nothing stored here in ${DAYS} days: use the page and events appear.` : 'Switch capture on for this site to see its events here.') : ''}
      </p>
    </section>
  );
}
