/**
 * A failed request in plain words: what was being done, the background's own reason (it names
 * the field, e.g. `filter.from: …`), and a way to try again.
 */
// @ts-nocheck

export function ErrorMessage({ doing, error, onRetry }: { doing: string; error: string; onRetry?: () => void }) {
  return (
    <div class="error-box" role="alert" data-testid="error">
      <p>
        Could not {doing}: {error}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
