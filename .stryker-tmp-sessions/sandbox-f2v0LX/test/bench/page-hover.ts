// @ts-nocheck
// Bundled for a page (like page-selectors.ts): time the hover work of inspect mode per pointer move.
import { startInspect } from '../../src/toolbar/inspect/inspect';
import { elementLabel } from '../../src/toolbar/inspect/label';
import { createOverlay } from '../../src/toolbar/overlay/overlay';

/** Deterministic PRNG (mulberry32) so every run hovers the same elements. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/**
 * Median / p95 ms of the work one pointer move causes in inspect mode on the current page: the
 * per-frame step (resolveTarget, then overlay.highlight: one rect read, then the style writes)
 * run synchronously for a random on-screen element per move. A toolbar-like shadow host holds the layer.
 * Each move also pays for the layout its predecessor's writes invalidated, as a real frame would.
 */
export function benchHover(win: Window, moves: number): { medianMs: number; p95Ms: number } {
  const doc = win.document;
  const all = [...doc.body.querySelectorAll('*')].filter((el) => !['SCRIPT', 'STYLE'].includes(el.tagName));
  // A pointer only ever hovers what is on screen: elements in the viewport, so every move draws.
  const onScreen = all.filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < win.innerHeight && r.left < win.innerWidth;
  });
  const elements = onScreen.length ? onScreen : all;
  const host = doc.createElement('div');
  host.setAttribute('data-lasso-ui', '');
  host.className = 'ph-no-capture';
  const layer = doc.createElement('div');
  host.attachShadow({ mode: 'open' }).append(layer);
  doc.documentElement.append(host);
  const controller = new AbortController();
  const overlay = createOverlay(layer, win, controller.signal);
  const inspect = startInspect({
    win,
    signal: controller.signal,
    isOwnUi: (node) => node === host,
    onHover: (target) => overlay.highlight(target, target ? elementLabel(target) : undefined),
    onPick: () => {},
    onExit: () => {},
  });
  const next = random(42);
  const pick = () => elements[Math.floor(next() * elements.length)];
  try {
    for (let i = 0; i < 20; i++) inspect.processPointer(pick()); // warm-up
    const times: number[] = [];
    for (let i = 0; i < moves; i++) {
      const el = pick();
      const t0 = performance.now();
      inspect.processPointer(el);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
  } finally {
    controller.abort();
    host.remove();
  }
}
