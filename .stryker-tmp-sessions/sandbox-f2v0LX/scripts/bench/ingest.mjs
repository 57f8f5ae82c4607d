// @ts-nocheck
// Chromium with the built extension: bulk import of a JSONL file through the import page
// (file → background → store, index included) next to bare IndexedDB puts of the same events.
import { CHROMIUM_ARGS, chromiumPath, importTs, sized } from './util.mjs';

export async function benchIngest() {
  const { ingestTiming } = await importTs('test/bench/ingest.ts');
  return ingestTiming(chromiumPath(), CHROMIUM_ARGS, Number(process.env.BENCH_INGEST_EVENTS ?? sized(20_000, 300)));
}
