import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ActionStep } from '../../actions/types';
import { PREVIEW_PORT, type PreviewMessage } from '../../messaging/protocol';
import type { PreviewResult } from '../../preview/preview';

/** Wait this long after the last edit before asking (typing a selector sends one query, not ten). */
export const PREVIEW_DEBOUNCE_MS = 250;

export interface StoredPreview {
  result: PreviewResult | null;
  /** 0–1 while a fallback scan reads events; null otherwise. */
  progress: number | null;
  error: string | null;
  /** True from an edit until its answer arrives. */
  pending: boolean;
}

/**
 * Stored-event preview of a draft over one port to the background: debounced; each new draft
 * gets a new id, the background cancels the previous query, and late answers to an old id are
 * dropped. The answer stays live (new matching events update it) until the draft changes.
 * `steps` null = nothing to preview.
 */
export function usePreview(steps: ActionStep[] | null): StoredPreview {
  const [state, setState] = useState<StoredPreview>({ result: null, progress: null, error: null, pending: false });
  const port = useRef<ReturnType<typeof browser.runtime.connect> | null>(null);
  const current = useRef(0);

  useEffect(() => {
    const p = browser.runtime.connect({ name: PREVIEW_PORT });
    port.current = p;
    p.onMessage.addListener((message: PreviewMessage) => {
      if (message.id !== current.current) return;
      if (message.type === 'result') setState({ result: message.result, progress: message.result.complete ? null : 0, error: null, pending: false });
      else if (message.type === 'progress') setState((s) => ({ ...s, progress: message.fraction }));
      else setState({ result: null, progress: null, error: message.message, pending: false });
    });
    p.onDisconnect.addListener(() => {
      if (port.current === p) port.current = null;
    });
    return () => {
      port.current = null;
      p.disconnect();
    };
  }, []);

  const key = steps ? JSON.stringify(steps) : '';
  useEffect(() => {
    const id = ++current.current;
    if (!steps) {
      port.current?.postMessage({ type: 'cancel', id });
      setState({ result: null, progress: null, error: null, pending: false });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      const tzOffsetMinutes = -new Date().getTimezoneOffset();
      try {
        port.current?.postMessage({ type: 'query', id, action: { steps }, tzOffsetMinutes, latest: 20 });
      } catch {
        setState({ result: null, progress: null, error: 'Lasso was reloaded or updated: close and reopen the toolbar.', pending: false });
      }
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for `steps` (a new array on every render).
  }, [key]);
  return state;
}
