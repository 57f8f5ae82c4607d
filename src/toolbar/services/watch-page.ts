/** At most one call per this many ms while the page keeps changing. */
export const PAGE_CHANGE_THROTTLE_MS = 400;

/**
 * Call `onChange` after the page's DOM or URL changed (SPA route, list re-rendered), at most once
 * per PAGE_CHANGE_THROTTLE_MS. The toolbar's own shadow tree is not observed (it is not in the
 * document's tree), so drawing outlines does not trigger it. Stops when `signal` aborts.
 */
export function watchPage(doc: Document, signal: AbortSignal, onChange: () => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer !== null || signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      if (!signal.aborted) onChange();
    }, PAGE_CHANGE_THROTTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    // Changes to the toolbar host itself (re-attached by mount) are not page changes.
    if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === 1 && (n as Element).hasAttribute('data-lasso-ui')) && r.type === 'childList')) return;
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  }, { once: true });
}
