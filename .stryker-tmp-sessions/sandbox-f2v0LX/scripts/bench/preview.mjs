// @ts-nocheck
// Chromium with the built extension: preview of one action over 100k stored events
// (and 1M when BENCH_PREVIEW_MILLION=1: seeding 1M takes minutes).
import { CHROMIUM_ARGS, chromiumPath, importTs, SMOKE } from './util.mjs';

export async function benchPreview() {
  const { previewTiming } = await importTs('test/bench/preview.ts');
  if (SMOKE) return { rows: [await previewTiming(chromiumPath(), CHROMIUM_ARGS, 300, 1)] };
  const sizes = process.env.BENCH_PREVIEW_MILLION === '1' ? [100_000, 1_000_000] : [100_000];
  const rows = [];
  for (const n of sizes) rows.push(await previewTiming(chromiumPath(), CHROMIUM_ARGS, n));
  return { rows };
}
