// @ts-nocheck
import type { CDPSession, Frame, Page } from '@playwright/test';
import type { Extension } from './harness';

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { frameId?: string; isDefault?: boolean; type?: string };
}

/**
 * Code run in this extension's content-script world of one frame (where Lasso's capture script
 * runs), over CDP: `frame.evaluate` only reaches the page's own world. A cross-site frame is an
 * out-of-process frame with its own CDP session; a same-site one is found in its page's session.
 */
export interface ContentWorld {
  /** Evaluate `fn(arg)` there (awaited; the result must be JSON). */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** The content-script world of `frame` (waits until the capture script has created it). */
export async function contentWorld(ext: Extension, page: Page, frame: Frame, timeoutMs = 10_000): Promise<ContentWorld> {
  let cdp: CDPSession;
  let frameId: string | undefined;
  try {
    cdp = await ext.context.newCDPSession(frame);
  } catch {
    cdp = await ext.context.newCDPSession(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
    frameId = findFrame(frameTree, frame.url());
  }
  const contexts: ContextDescription[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const mine = (c: ContextDescription) =>
    c.origin === `chrome-extension://${ext.id}` && c.auxData?.type === 'isolated' && (frameId === undefined || c.auxData.frameId === frameId);
  const deadline = Date.now() + timeoutMs;
  let context = contexts.find(mine);
  while (!context && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    context = contexts.find(mine);
  }
  if (!context) throw new Error(`no content-script world of ${ext.id} in ${frame.url()} (worlds: ${contexts.map((c) => c.origin).join(', ')})`);
  const contextId = context.id;
  return {
    async run(fn, arg) {
      const answer = (await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value as never;
    },
    close: () => cdp.detach(),
  };
}

interface FrameTree {
  frame: { id: string; url: string };
  childFrames?: FrameTree[];
}

function findFrame(tree: FrameTree, url: string): string | undefined {
  if (tree.frame.url === url) return tree.frame.id;
  for (const child of tree.childFrames ?? []) {
    const found = findFrame(child, url);
    if (found) return found;
  }
  return undefined;
}
