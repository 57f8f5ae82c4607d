// @ts-nocheck
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../use-request';
import { downloadBlob, runExport, type ExportProgress, type ExportSource } from './run-export';

export interface ExportState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  progress: ExportProgress;
  /** The background's refusal (or a failure) in its own words. */
  error: string | null;
  /** Read `source` page by page and download the file as `name`; ignored while one runs. */
  start: <Row, Cursor>(source: ExportSource<Row, Cursor>, name: string) => void;
  /** Stop the running export: nothing is downloaded. */
  cancel: () => void;
}

/**
 * One export at a time with its progress, Cancel and error. Unmounting cancels a running one
 * (the owner's AbortController), so leaving the view never downloads a file later.
 */
export function useExport(doc: Document = document): ExportState {
  const [state, setState] = useState<Pick<ExportState, 'status' | 'progress' | 'error'>>({ status: 'idle', progress: { done: 0, total: null }, error: null });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    <Row, Cursor>(source: ExportSource<Row, Cursor>, name: string) => {
      if (controller.current) return;
      const own = new AbortController();
      controller.current = own;
      setState({ status: 'running', progress: { done: 0, total: null }, error: null });
      runExport(source, { signal: own.signal, onProgress: (progress) => !own.signal.aborted && setState((s) => ({ ...s, progress })) })
        .then(
          (blob) => {
            if (!blob || own.signal.aborted) return setState((s) => ({ ...s, status: 'cancelled' }));
            downloadBlob(doc, name, blob);
            setState((s) => ({ ...s, status: 'done' }));
          },
          (error: unknown) => !own.signal.aborted && setState((s) => ({ ...s, status: 'error', error: errorText(error) })),
        )
        .finally(() => {
          if (controller.current === own) controller.current = null;
        });
    },
    [doc],
  );
  const cancel = useCallback(() => {
    const own = controller.current;
    if (!own) return;
    own.abort();
    controller.current = null;
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, []);
  return { ...state, start, cancel };
}
