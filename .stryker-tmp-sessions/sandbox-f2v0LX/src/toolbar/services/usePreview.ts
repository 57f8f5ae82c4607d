// @ts-nocheck
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionStep } from '../../actions/types';
import { PREVIEW_PORT, type PreviewMessage, type PreviewRequest } from '../../messaging/protocol';
import type { PreviewResult } from '../../preview/preview';
import { livePort, type LivePort } from './port';

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
  const port = useRef<LivePort | null>(null);
  const current = useRef(0);
  /** The query in force, re-sent when the port had to reconnect (the background forgot it). */
  const query = useRef<PreviewRequest | null>(null);

  useEffect(() => {
    const p = livePort(
      PREVIEW_PORT,
      (message: PreviewMessage) => {
        if (message.id !== current.current) return;
        if (message.type === 'result') setState({ result: message.result, progress: message.result.complete ? null : 0, error: null, pending: false });
        else if (message.type === 'progress') setState((s) => ({ ...s, progress: message.fraction }));
        else setState({ result: null, progress: null, error: message.message, pending: false });
      },
      () => {
        if (query.current) p.post(query.current);
      },
    );
    port.current = p;
    return () => {
      port.current = null;
      p.close();
    };
  }, []);

  const key = steps ? JSON.stringify(steps) : '';
  useEffect(() => {
    const id = ++current.current;
    if (!steps) {
      query.current = null;
      port.current?.post({ type: 'cancel', id });
      setState({ result: null, progress: null, error: null, pending: false });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      query.current = { type: 'query', id, action: { steps }, tzOffsetMinutes: -new Date().getTimezoneOffset(), latest: 20 };
      if (!port.current?.post(query.current)) {
        setState({ result: null, progress: null, error: 'Lasso was updated or removed: reload the page to use the toolbar again.', pending: false });
      }
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for `steps` (a new array on every render).
  }, [key]);
  return state;
}
