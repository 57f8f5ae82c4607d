// @ts-nocheck
import type { Page } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import type { PreviewRequest } from '../../src/messaging/protocol';
import type { PreviewResult } from '../../src/preview/preview';

/**
 * Drive Lasso's background from an extension page (e.g. chrome-extension://<id>/popup.html),
 * through the same messages and port the UI uses. For e2e tests and the preview benchmark.
 * The page must be an extension page: the background refuses imports from anything else.
 */

/** The slice of the extension API these page scripts use (the page has it; Node's types do not). */
interface PortLike {
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: (m: { type: string; fraction: number; message: string; result: PreviewResult }) => void): void };
}
type ChromeLike = { runtime: { sendMessage(m: unknown): Promise<{ res?: { stored: number }; err?: { message: string } }>; connect(o: { name: string }): PortLike } };

/** Store `events` through `store.import` (`perMessage` per message, `perCall` per page round trip); returns the number newly stored. */
export async function seedThroughExtensionPage(page: Page, events: CaptureEvent[], perCall = 10_000, perMessage = 500): Promise<number> {
  let stored = 0;
  for (let i = 0; i < events.length; i += perCall) {
    stored += await page.evaluate(async ([chunk, size]) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeLike };
      let n = 0;
      for (let j = 0; j < chunk.length; j += size) {
        // @webext-core/messaging's envelope: { id, type, data, timestamp } → { res } | { err }.
        const reply = await chrome.runtime.sendMessage({ id: j, type: 'store.import', data: { events: chunk.slice(j, j + size) }, timestamp: Date.now() });
        if (reply?.err) throw new Error(reply.err.message);
        n += reply.res!.stored;
      }
      return n;
    }, [events.slice(i, i + perCall), perMessage] as const);
  }
  return stored;
}

/** Open a preview port, send one query, resolve with the first complete result and the wall time (ms, measured in the page). */
export async function previewThroughPort(
  page: Page,
  query: Omit<Extract<PreviewRequest, { type: 'query' }>, 'type' | 'id'>,
): Promise<{ result: PreviewResult; ms: number; firstResultMs: number; progress: number[] }> {
  return page.evaluate(
    (q) =>
      new Promise((resolve, reject) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeLike };
        const port = chrome.runtime.connect({ name: 'lasso.preview' });
        const progress: number[] = [];
        const t0 = performance.now();
        let firstResultMs = -1;
        port.onMessage.addListener((m) => {
          if (m.type === 'progress') progress.push(m.fraction);
          if (m.type === 'error') reject(new Error(m.message));
          if (m.type !== 'result') return;
          if (firstResultMs < 0) firstResultMs = performance.now() - t0;
          if (!m.result.complete) return;
          const ms = performance.now() - t0;
          port.disconnect();
          resolve({ result: m.result, ms, firstResultMs, progress });
        });
        port.postMessage({ type: 'query', id: 1, ...q });
      }),
    query,
  ) as Promise<{ result: PreviewResult; ms: number; firstResultMs: number; progress: number[] }>;
}
