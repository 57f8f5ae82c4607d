// @ts-nocheck
// Bundled for Node by scripts/bench/preview.mjs: preview timing with the built extension loaded.
import { launchBenchExtension } from './extension';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { previewThroughPort, seedThroughExtensionPage } from '../support/seed';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Seed `count` events, then time a typical selector action's preview (all windows, per day, latest 50). */
export async function previewTiming(executablePath: string, args: string[], count: number, reps = 7) {
  const { context, id, close } = await launchBenchExtension(executablePath, args);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    const t0 = Date.now();
    // Seed in slices so 1M events never sit in one page's memory at once.
    for (let offset = 0; offset < count; offset += 100_000) {
      const slice = generateEvents({ count: Math.min(100_000, count - offset), seed: 2026 + offset });
      await seedThroughExtensionPage(page as never, slice);
    }
    const seedMs = Date.now() - t0;
    const query = { action: { steps: [{ event: '$autocapture', selector: 'div.card > button[data-attr="add-to-cart"]' }] }, site: null, now: GENERATOR_NOW, latest: 50 };
    const times: number[] = [];
    for (let i = 0; i < reps; i++) times.push((await previewThroughPort(page as never, query)).ms);
    return { events: count, seedMs, medianMs: median(times), firstMs: times[0] };
  } finally {
    await close();
  }
}
