// Chromium with the built extension: the dashboard's queries (query.* messages) over 100k stored
// events (and 1M when BENCH_QUERIES_MILLION=1: seeding 1M through messaging takes most of an hour).
import { CHROMIUM_ARGS, chromiumPath, importTs, SMOKE } from './util.mjs';

export async function benchQueries() {
  const { queryTimings } = await importTs('test/bench/queries.ts');
  if (SMOKE) return { runs: [await queryTimings(chromiumPath(), CHROMIUM_ARGS, 300, 1)] };
  const sizes = process.env.BENCH_QUERIES_MILLION === '1' ? [100_000, 1_000_000] : [Number(process.env.BENCH_QUERIES_EVENTS ?? 100_000)];
  const runs = [];
  for (const n of sizes) runs.push(await queryTimings(chromiumPath(), CHROMIUM_ARGS, n));
  return { runs };
}
