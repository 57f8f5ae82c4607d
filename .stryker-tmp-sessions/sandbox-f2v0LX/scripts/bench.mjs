// @ts-nocheck
// `npm run bench`: Lasso's performance figures, side by side in one run, medians.
//   capture    time per click in Lasso's capture handler vs posthog-js's autocapture (Chromium)
//   size       gzipped always-on content script vs posthog-js bundles
//   match      event-matches/s for one action vs JSON.parse of the same events (Node)
//   selectors  selector candidates for one element on a 5,000-element page (Chromium)
//   preview    preview of one action over 100k stored events, extension loaded (Chromium)
//   ingest     bulk import of a JSONL file through the import page vs bare idb puts (Chromium; BENCH_INGEST_EVENTS, default 20k; BENCH_EXTENSION: another build to time)
//   queries    dashboard queries (events page, daily counts, sessions page, person profile) and the Events,
//              Trends and person views opened, over 100k events (Chromium)
//   million    BENCH_MILLION=1 only (never in smoke): a store filled to 1M events through the real ingest; reads, preview, bytes/event, worker heap at 100k and 1M (BENCH_MILLION_EVENTS sets the size)
//   sync       delivery to the local capture server, PostHog and Segment with gzip (events/s), popup first render during a drain (Chromium; BENCH_SYNC_EVENTS, default 100k)
//   toolbar    toolbar injection → interactive, hover work per move, bundle size (Chromium, ~2 min)
// Pick sections with BENCH=capture,match,... ; results also go to bench-results/bench.json.
// A section that throws does not stop the others; the run then exits 1 naming it.
// BENCH_SMOKE=1: every section at tiny sizes (npm test runs it so a broken bench cannot land).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../test/fixtures/serve.mjs';
import { benchCapture } from './bench/capture.mjs';
import { benchIngest } from './bench/ingest.mjs';
import { benchMatch } from './bench/match.mjs';
import { benchMillion } from './bench/million.mjs';
import { benchPreview } from './bench/preview.mjs';
import { benchQueries } from './bench/queries.mjs';
import { benchSelectors } from './bench/selectors.mjs';
import { benchSync } from './bench/sync.mjs';
import { benchToolbar } from './bench/toolbar.mjs';
import { CHROMIUM_ARGS, chromiumPath, SMOKE } from './bench/util.mjs';

const SECTIONS = ['capture', 'match', 'selectors', 'preview', 'ingest', 'queries', 'sync', 'million', 'toolbar'];
// `million` fills a store for most of an hour: only on request, never in smoke.
const MILLION = process.env.BENCH_MILLION === '1' && !SMOKE;
const wanted = new Set((process.env.BENCH ?? SECTIONS.filter((s) => s !== 'million' || MILLION).join(',')).split(','));
if (!MILLION) wanted.delete('million');
const unknown = [...wanted].filter((name) => !SECTIONS.includes(name));
if (unknown.length) {
  console.error(`BENCH names no section ${unknown.join(', ')}: pick from ${SECTIONS.join(', ')}`);
  process.exit(2);
}
// The extension builds the browser sections load (toolbar: the e2e build, whose shadow root the
// bench can look into). Built here when missing, so the bench runs from a fresh clone.
for (const [dir, args] of [['.output/chrome-mv3', ['wxt', 'build']], ['.output/chrome-mv3-e2e', ['wxt', 'build', '--mode', 'e2e']]]) {
  if (existsSync(dir)) continue;
  const { status } = spawnSync('npx', args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const perSec = (n) => `${(n / 1e6).toFixed(2)}M/s`;
const results = { date: new Date().toISOString() };

const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const failed = [];
/** Run one section; a section that throws is reported and the others still run (the exit code says so). */
const section = async (name, run) => {
  if (!wanted.has(name)) return;
  const started = Date.now();
  try {
    await run();
    if (SMOKE) console.log(`  ✓ ${name} ran (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed.push(name);
    console.error(`\n✗ bench section ${name} failed: ${error?.stack ?? error}`);
  }
};
try {
  await section('capture', async () => {
    const r = (results.capture = await benchCapture(browser, server.url));
    console.log(`\ncapture: handler time per click (median of ${r.samples} passes, minus no-tool baseline ${r.baselineMs.toFixed(4)} ms)`);
    console.log(`  Lasso ${r.perClickMs.lasso.toFixed(4)} ms · posthog-js ${r.perClickMs.posthog.toFixed(4)} ms · ratio ${r.perClickMs.ratio.toFixed(2)} (goal ≤ 0.5)`);
    console.log(`size (gzip): Lasso content script ${kb(r.gzipBytes.lassoContentScript)} (goal ≤ 13 KB) · posthog-js array.js ${kb(r.gzipBytes.posthogArray)} · array.full.js ${kb(r.gzipBytes.posthogArrayFull)}`);
  });
  await section('match', async () => {
    const r = (results.match = await benchMatch());
    console.log(`\nmatch (Node, ${r.events} events, ${r.matched} matched): one action ${perSec(r.matchPerSec)} (goal ≥ 1M/s) · JSON.parse alone ${perSec(r.jsonParsePerSec)} · first pass incl. chain parsing ${perSec(r.firstPassMatchPerSec)}`);
  });
  await section('selectors', async () => {
    const r = (results.selectors = await benchSelectors(browser, server.url));
    console.log(`\nselectors: candidates for one element on a ${r.elements}-element page: median ${r.medianMs.toFixed(1)} ms, p90 ${r.p90Ms.toFixed(1)} ms (goal ≤ 20 ms median)`);
  });
  await section('preview', async () => {
    const r = (results.preview = await benchPreview(server.url));
    for (const row of r.rows) {
      console.log(`\npreview over ${row.events} stored events (all windows + per day + latest 50): median ${row.medianMs.toFixed(0)} ms (goal ≤ 200 ms at 100k); seeding took ${(row.seedMs / 1000).toFixed(1)} s`);
    }
  });
  await section('ingest', async () => {
    const r = (results.ingest = await benchIngest());
    const n = (x) => Math.round(x).toLocaleString('en');
    console.log(`\ningest of ${n(r.events)} events (${(r.bytes / 1e6).toFixed(1)} MB JSONL) through the import page → background → store, index included: ${n(r.importPerSec)} events/s`);
    console.log(`  bare idb puts of the same events: ${n(r.barePerSec)}/s (no indexes) · ${n(r.bareIndexedPerSec)}/s (the events store's 6 indexes) · ratio to bare ${r.ratio.toFixed(2)} (goal ≥ 0.5)`);
    console.log(`  floor of this schema (raw writes of event + ref + count + series rows per event, no reads, no JS): ${n(r.rowsFloorPerSec)}/s · import at ${(r.importPerSec / r.rowsFloorPerSec).toFixed(2)} of it`);
  });
  await section('queries', async () => {
    const r = (results.queries = await benchQueries());
    for (const run of r.runs) {
      console.log(`\nqueries over ${run.events} stored events, through messaging from an extension page (median of 7; seeding took ${(run.seedMs / 1000).toFixed(1)} s):`);
      for (const row of [...run.rows, ...(run.popup ?? [])]) console.log(`  ${row.name.padEnd(52)} ${row.medianMs.toFixed(1).padStart(7)} ms (first ${row.firstMs.toFixed(1)} ms)${row.reads === null ? '' : ` · ${row.reads} records read`}`);
      const sc = run.scroll;
      if (sc) console.log(`  ${sc.name}: median ${sc.scrolled.medianMs} · p95 ${sc.scrolled.p95Ms} · max ${sc.scrolled.maxMs} ms (goal ≤ 8 ms); the same steps without scrolling ${sc.idle.medianMs} · ${sc.idle.p95Ms} · ${sc.idle.maxMs} ms; ${sc.rowsDrawn} rows drawn at scrollTop ${Math.round(sc.scrollTop)}`);
    }
    if (r.cohorts) {
      const c = r.cohorts;
      console.log(`\ncohort members over ${c.persons} generated persons (${c.events} events over ${c.days} days; seeding took ${(c.seedMs / 1000).toFixed(1)} s), median of computations at different hours:`);
      for (const row of c.rows) console.log(`  ${row.name.padEnd(52)} ${row.medianMs.toFixed(1).padStart(7)} ms (first ${row.firstMs.toFixed(1)} ms, cached ${row.cachedMs.toFixed(1)} ms) · ${row.members} members`);
    }
  });
  await section('million', async () => {
    const r = (results.million = await benchMillion());
    const mb = (b) => (b === null ? 'n/a' : `${(b / 1e6).toFixed(1)} MB`);
    for (const c of r.checkpoints) {
      console.log(`\nat ${c.events.toLocaleString('en')} events (filled through store.import → ingestEvents at ${Math.round(c.fillPerSec)} events/s, ${(c.fillMs / 60_000).toFixed(1)} min so far), median of 5:`);
      for (const row of c.rows) console.log(`  ${row.name.padEnd(56)} ${row.medianMs.toFixed(1).padStart(7)} ms (first ${row.firstMs.toFixed(1)} ms)`);
      console.log(`  stored ${mb(c.usageBytes)} (navigator.storage.estimate): ${c.bytesPerEvent === null ? 'n/a' : Math.round(c.bytesPerEvent)} B/event · service worker JS heap while querying (max) ${mb(c.heapBytes)}`);
    }
    const [a, b] = [r.checkpoints[0], r.checkpoints[r.checkpoints.length - 1]];
    if (a !== b) console.log(`  growth ${a.events.toLocaleString('en')} → ${b.events.toLocaleString('en')}: ${b.rows.map((row, i) => `${row.name.split(' (')[0]} ×${(row.medianMs / a.rows[i].medianMs).toFixed(1)}`).join(' · ')}`);
  });
  await section('sync', async () => {
    const r = (results.sync = await benchSync());
    const n = (x) => Math.round(x).toLocaleString('en');
    console.log(`\nsync of ${n(r.events)} stored events to the local capture server, gzip (seeding took ${(r.seedMs / 1000).toFixed(1)} s):`);
    for (const row of r.rows) {
      console.log(`  ${row.kind.padEnd(8)} all delivered in ${(row.ms / 1000).toFixed(1)} s: ${n(row.perSec)} events/s (goal ≥ 5,000, stretch 20,000)`);
      const cpu = row.cpuMsPer1000;
      console.log(`  ${''.padEnd(8)} CPU ms per 1,000 events: background (extension process) ${cpu.extension} · browser process (IndexedDB) ${cpu.browser} · network ${cpu.network} · other ${cpu.other + cpu.renderer}`);
    }
    console.log(`  popup while a backlog drains, median of ${r.popup.opens}: its first frame ${r.popup.shellMedianMs.toFixed(0)} ms · the sync line drawn ${r.popup.medianMs.toFixed(0)} ms, first ${r.popup.firstMs.toFixed(0)} ms (goal ≤ 150 ms); ${n(r.popup.waitingAtEnd)} still waiting after`);
    console.log(`  popup with nothing to deliver, same run: its first frame ${r.popup.idleShellMedianMs.toFixed(0)} ms · the sync line drawn ${r.popup.idleMedianMs.toFixed(0)} ms`);
  });
  await section('toolbar', async () => {
    const r = (results.toolbar = await benchToolbar(browser, server.url));
    const ms = (s) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)} ms`;
    const n = r.injection[0].reload.execToPanelMs.n;
    console.log(`\ntoolbar: scripting.executeScript → panel with its header buttons on the page, median / p95 of ${n} opens (goal ≤ 150 ms median)`);
    console.log('  reloaded tab: the script already compiled in that renderer · fresh tab: a new renderer each · first open: the tab\'s first, before any reload');
    for (const { page, reload, freshTab, firstMs } of r.injection) {
      console.log(`  ${page.padEnd(9)} reloaded tab ${ms(reload.execToPanelMs)} · fresh tab ${ms(freshTab.execToPanelMs)} · first open ${firstMs.toFixed(1)} ms`);
      console.log(`  ${''.padEnd(9)} until the next frame ${ms(reload.execToFrameMs)} · ${ms(freshTab.execToFrameMs)}; from the popup's toggle ${ms(reload.toggleToPanelMs)} · ${ms(freshTab.toggleToPanelMs)}`);
    }
    const h = r.hover;
    console.log(`hover on a ${h.elements}-element page (${h.moves} moves × ${h.rounds} rounds, timer step ${h.timerStepMs} ms): median ${h.lassoMs.median.toFixed(3)} ms, p95 ${h.lassoMs.p95.toFixed(3)} ms (goal ≤ 4 ms median)`);
    console.log(`  reference elementFromPoint + getBoundingClientRect + one box: median ${h.referenceMs.median.toFixed(3)} ms, p95 ${h.referenceMs.p95.toFixed(3)} ms · ratio ${h.ratio.toFixed(2)}`);
    console.log('page preview on big.html (elements a draft matches, by the compiled matcher), median of 7: cold = page just changed, warm = draft edited');
    for (const row of r.pagePreview) {
      const native = row.querySelectorAllMs === null ? '' : ` · querySelectorAll ${row.querySelectorAllMs.toFixed(1)} ms`;
      console.log(`  ${row.name.padEnd(15)} ${String(row.matched).padStart(5)} matched: cold ${row.coldMs.toFixed(0)} ms, warm ${row.warmMs.toFixed(0)} ms${native}`);
    }
    const g = r.gzipBytes;
    console.log(`size (gzip): toolbar ${kb(g.toolbar)} (on demand) · capture ${kb(g.capture)} (always on) · re2js's share of the toolbar ${kb(g.re2jsInToolbar)} (its dist file alone ${kb(g.re2jsDist)})`);
  });
} finally {
  await browser.close();
  await server.close();
}
if (failed.length) {
  console.error(`\n✗ bench: ${failed.join(', ')} failed`);
  process.exit(1);
}
if (SMOKE) console.log('\nbench smoke: every section ran (tiny sizes: the figures above mean nothing)');
else {
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2));
}
