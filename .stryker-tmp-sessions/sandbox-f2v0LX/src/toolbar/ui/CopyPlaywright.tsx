// @ts-nocheck
import { useEffect, useRef, useState } from 'preact/hooks';
import { playwrightSnippet } from '../../actions/io';
import type { StoredAction } from '../../actions/types';
import { copyText, type ClipboardLike } from './clipboard';

interface Props {
  action: StoredAction;
  /** The page the test opens (this page). */
  pageUrl: string;
  clipboard: ClipboardLike | undefined;
}

/**
 * "Copy as Playwright test" for one saved action: the snippet goes to the clipboard and the
 * button says "Copied"; when the browser refuses the clipboard, the snippet is shown selected in
 * a read-only text area to copy by hand.
 */
export function CopyPlaywright({ action, pageUrl, clipboard }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | { refused: string }>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (typeof state === 'object') area.current?.select();
  }, [state]);
  const copy = async () => {
    const snippet = playwrightSnippet(action, pageUrl);
    setState((await copyText(snippet, clipboard)) ? 'copied' : { refused: snippet });
  };
  return (
    <>
      <button type="button" data-testid="copy-playwright" aria-label={`Copy as Playwright test: ${action.name}`} onClick={() => void copy()}>
        Copy as Playwright test
      </button>
      <span role="status" class="lasso-muted" data-testid="playwright-status">{state === 'copied' ? 'Copied' : ''}</span>
      {typeof state === 'object' && (
        <div class="lasso-copy-fallback">
          <label class="lasso-block" for={`lasso-pw-${action.id}`}>The browser refused the clipboard: select the test below and copy it.</label>
          <textarea id={`lasso-pw-${action.id}`} ref={area} readOnly rows={8} data-testid="playwright-snippet" value={state.refused} />
          <button type="button" onClick={() => setState('idle')}>Close</button>
        </div>
      )}
    </>
  );
}
