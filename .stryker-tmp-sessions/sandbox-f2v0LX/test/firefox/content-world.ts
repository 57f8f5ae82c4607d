// @ts-nocheck
import type { Page } from 'puppeteer-core';

/**
 * Code run in Lasso's content-script world of one frame of a tab, in Firefox. BiDi's
 * `script.evaluate` reaches only the page's world or a sandbox of its own, so the code is injected
 * by the extension itself, from one of its pages, with `tabs.executeScript({ frameId, code })`:
 * Firefox runs that code in the extension's content-script sandbox of that frame — the world
 * Lasso's capture script runs in — so the background sees the same sender (that frame's `url`
 * and `frameId`, the tab) as for the capture script's own messages. No hook in the product.
 */
export interface ContentWorld {
  /** The frame's id in its tab (0 is the top frame). */
  frameId: number;
  /** Evaluate `fn(arg)` there (a promise is awaited; the result must be structured-clonable). */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The content-script world of the frame at `frameUrl` in tab `tabId`, driven from the extension page `ext`. */
export async function contentWorld(ext: Page, tabId: number, frameUrl: string): Promise<ContentWorld> {
  const frameId = await ext.evaluate(
    async (tabId, frameUrl) => {
      type Injection = { frameId: number; result?: unknown };
      const api = (globalThis as unknown as { browser: { scripting: { executeScript(o: object): Promise<Injection[]> } } }).browser;
      const frames = await api.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.href });
      return frames.find((f) => f.result === frameUrl)?.frameId;
    },
    tabId,
    frameUrl,
  );
  if (frameId === undefined) throw new Error(`no frame at ${frameUrl} in tab ${tabId}`);
  return {
    frameId,
    async run(fn, arg) {
      const code = `(${fn.toString()})(${JSON.stringify(arg)})`;
      return ext.evaluate(
        async (tabId, frameId, code) => {
          const api = (globalThis as unknown as { browser: { tabs: { executeScript(t: number, o: object): Promise<unknown[]> } } }).browser;
          const [result] = await api.tabs.executeScript(tabId, { frameId, code });
          return result;
        },
        tabId,
        frameId,
        code,
      ) as never;
    },
  };
}
