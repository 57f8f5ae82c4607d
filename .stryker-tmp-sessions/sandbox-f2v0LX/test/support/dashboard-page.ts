// @ts-nocheck
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { SenderLike } from '../../src/messaging/frame-scope';

// Component tests of dashboard views answer the page's requests with the background's real
// handlers (over a fake IndexedDB). Each test file mocks the protocol module with
// `answeredByHandlers` (vi.mock factories may only reach other modules) and registers handlers
// as the background does; the handlers see the dashboard page as their sender.

export type Handler = (message: { data: unknown; sender: unknown }) => Promise<unknown>;

/** The handlers registered through the mocked `onMessage`, by message type. */
export const handlers = new Map<string, Handler>();

/** The sender every request comes from: the dashboard, an extension page. */
export const dashboardPage: SenderLike = { id: 'lasso', url: 'chrome-extension://lasso/dashboard.html' };

/**
 * The protocol module with `onMessage` registering into `handlers` and `sendMessage` answered by
 * them; a type without a handler gets its entry of `fixed`, or an error naming it.
 */
export function answeredByHandlers<M extends object>(original: M, fixed: Record<string, unknown> = {}): M {
  return {
    ...original,
    onMessage: vi.fn((type: string, handler: Handler) => void handlers.set(type, handler)),
    sendMessage: vi.fn(async (type: string, data: unknown) => {
      const handler = handlers.get(type);
      if (handler) return handler({ data, sender: dashboardPage });
      if (type in fixed) return structuredClone(fixed[type]);
      throw new Error(`unexpected ${type}`);
    }),
  };
}

/** Ask a registered handler directly, as the dashboard would (for setting up and checking state). */
export const ask = <T = unknown>(type: string, data: unknown): Promise<T> => {
  const handler = handlers.get(type);
  if (!handler) throw new Error(`no handler for ${type}`);
  return handler({ data, sender: dashboardPage }) as Promise<T>;
};

/** Queries and waiting over the element a test renders into (`root()` is read at each call). */
export function domOf(root: () => HTMLElement) {
  const all = (selector: string) => [...root().querySelectorAll<HTMLElement>(selector)];
  const one = <T extends HTMLElement = HTMLElement>(selector: string): T => {
    const found = root().querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector} in ${root().innerHTML.slice(0, 500)}`);
    return found;
  };
  /** Let IndexedDB, messages and renders run until `check` holds (or fail naming it). */
  const until = async (what: string, check: () => boolean): Promise<void> => {
    for (let i = 0; i < 500; i++) {
      if (check()) return;
      await act(async () => new Promise((r) => setTimeout(r, 0)));
    }
    throw new Error(`never happened: ${what}; page: ${root().textContent?.slice(0, 600)}`);
  };
  return { all, one, until };
}
