// @ts-nocheck
// Chromium with the built extension: a store filled through the real ingest up to 1M events
// (BENCH_MILLION=1; BENCH_MILLION_EVENTS sets the last checkpoint), reads timed at a tenth (at most 100k) and at the end.
import { CHROMIUM_ARGS, chromiumPath, importTs } from './util.mjs';

export async function benchMillion() {
  const { millionTimings } = await importTs('test/bench/million.ts');
  const last = Number(process.env.BENCH_MILLION_EVENTS ?? 1_000_000);
  // A tenth (at most 100k), then more on the way: a run stopped early still has its larger sizes.
  const checkpoints = [Math.min(100_000, Math.round(last / 10)), ...[0.2, 0.4, 0.7, 1].map((f) => Math.round(last * f))].filter((n, i, all) => n > 0 && all.indexOf(n) === i);
  // 13,000 persons make ~1M events over the 30 days; fewer for a smaller run, so it spans the month.
  return millionTimings(chromiumPath(), CHROMIUM_ARGS, checkpoints, Math.max(20, Math.ceil((13_000 * last) / 1_000_000)));
}
