/** Below a paged list: how many are shown, and "Load more" while more follow. */
// @ts-nocheck

export function ListFooter({ count, what, hasMore, cutShort, loading, loadMore }: { count: number; what: string; hasMore: boolean; cutShort: boolean; loading: boolean; loadMore: () => void }) {
  return (
    <p class="list-footer" aria-live="polite">
      <span data-testid="list-count">{loading ? `Loading ${what}…` : `${count.toLocaleString('en')} ${what} shown${hasMore ? '' : ', no more'}`}</span>
      {cutShort && !loading && <span class="muted"> · the search stopped at its read budget; load more to keep looking</span>}
      {hasMore && (
        <button type="button" data-testid="load-more" disabled={loading} onClick={loadMore}>
          Load more
        </button>
      )}
    </p>
  );
}
