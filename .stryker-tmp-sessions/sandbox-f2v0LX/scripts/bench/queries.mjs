// @ts-nocheck
// Chromium with the built extension: the dashboard's queries (query.* messages) over 100k stored
// events (and 1M when BENCH_QUERIES_MILLION=1: seeding 1M through messaging takes most of an hour);
// then cohort members with a behavioral leaf over 10k generated persons (BENCH_COHORT_PERSONS).
import { CHROMIUM_ARGS, chromiumPath, importTs, SMOKE } from './util.mjs';

export async function benchQueries() {
  const { queryTimings } = await importTs('test/bench/queries.ts');
  const { cohortTimings } = await importTs('test/bench/cohorts.ts');
  if (SMOKE) return { runs: [await queryTimings(chromiumPath(), CHROMIUM_ARGS, 300, 1)], cohorts: await cohortTimings(chromiumPath(), CHROMIUM_ARGS, 20, 1, 1) };
  const sizes = process.env.BENCH_QUERIES_MILLION === '1' ? [100_000, 1_000_000] : [Number(process.env.BENCH_QUERIES_EVENTS ?? 100_000)];
  const runs = [];
  // BENCH_QUERIES_EVENTS=0 skips the events run; BENCH_COHORT_PERSONS=0 the cohorts run.
  for (const n of sizes) if (n > 0) runs.push(await queryTimings(chromiumPath(), CHROMIUM_ARGS, n));
  const persons = Number(process.env.BENCH_COHORT_PERSONS ?? 10_000);
  return { runs, cohorts: persons > 0 ? await cohortTimings(chromiumPath(), CHROMIUM_ARGS, persons) : null };
}
