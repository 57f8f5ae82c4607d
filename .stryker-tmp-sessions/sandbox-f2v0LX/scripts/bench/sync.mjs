// @ts-nocheck
// Chromium with the built extension: delivery to the local capture server (PostHog and Segment,
// gzip) of BENCH_SYNC_EVENTS stored events (default 100k), and the popup's first render while a
// backlog drains.
import { CHROMIUM_ARGS, chromiumPath, importTs, SMOKE } from './util.mjs';

export async function benchSync() {
  const { syncTimings } = await importTs('test/bench/sync.ts');
  if (SMOKE) return syncTimings(chromiumPath(), CHROMIUM_ARGS, 300, 1);
  return syncTimings(chromiumPath(), CHROMIUM_ARGS, Number(process.env.BENCH_SYNC_EVENTS ?? 100_000));
}
