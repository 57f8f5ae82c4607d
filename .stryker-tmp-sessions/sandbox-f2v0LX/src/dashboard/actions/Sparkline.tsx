// @ts-nocheck
import { sparkPoints, trendLabel } from './trends';

const WIDTH = 112;
const HEIGHT = 24;

/** A tiny line of daily counts; its accessible name gives the numbers. */
export function Sparkline({ counts }: { counts: readonly number[] }) {
  return (
    <svg class="sparkline" role="img" aria-label={trendLabel(counts)} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} data-testid="sparkline">
      <polyline points={sparkPoints(counts, WIDTH, HEIGHT)} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
