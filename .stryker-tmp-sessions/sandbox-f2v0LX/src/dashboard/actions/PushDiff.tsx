// @ts-nocheck
import type { PhDiff, PushResult } from '../../sync/posthog-actions';

const OP_WORDS = { create: 'create', update: 'update', unchanged: 'unchanged' } as const;

/**
 * The push diff: one row per action (create / update with what changed / unchanged), the
 * compatibility report per action, and after pushing each action's result with PostHog's field
 * messages. "Push" is offered only before pushing, and only with something to write.
 */
export function PushDiff({ diff, results, busy, onPush, onRecompare }: { diff: PhDiff; results: PushResult[] | null; busy: boolean; onPush(): void; onRecompare(): void }) {
  const writes = diff.rows.filter((r) => r.op !== 'unchanged').length;
  const resultOf = new Map((results ?? []).map((r) => [r.name, r]));
  if (diff.rows.length === 0) return <p data-testid="ph-diff-empty">{diff.site} has no actions to push yet: define some with the toolbar or pull them first.</p>;
  return (
    <div data-testid="ph-diff">
      <table class="actions-table" aria-label={`Push ${diff.site} to PostHog`}>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">In PostHog</th>
            <th scope="col">May match differently in PostHog</th>
            {results && <th scope="col">Result</th>}
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row) => {
            const result = resultOf.get(row.name);
            return (
              <tr key={row.localId} data-testid="ph-diff-row" data-op={row.op} data-result={result ? (result.ok ? 'ok' : 'error') : undefined}>
                <th scope="row">{row.name}</th>
                <td>
                  <span class={`badge status-${row.op === 'create' ? 'created' : row.op === 'update' ? 'updated' : 'skipped'}`}>{OP_WORDS[row.op]}</span>
                  {row.op === 'update' && <span class="muted"> {row.changed.join(', ')}</span>}
                </td>
                <td>
                  {row.compat.length === 0 ? <span class="muted">no difference</span> : (
                    <ul class="report">
                      {row.compat.map((c, i) => <li key={i}>{c.step !== null && `step ${c.step + 1}, `}{c.construct}: PostHog {c.posthog}; Lasso {c.lasso}.</li>)}
                    </ul>
                  )}
                </td>
                {results && (
                  <td data-testid="ph-result">
                    {!result ? <span class="muted">{row.op === 'unchanged' ? 'left as is' : 'not sent'}</span>
                      : result.ok ? <span>{result.op === 'create' ? 'created' : 'updated'}{result.remoteId !== undefined ? ` (id ${result.remoteId})` : ''}</span>
                        : (
                          <span class="error" role="alert">
                            {result.error}
                            {Object.entries(result.fields ?? {}).map(([field, messages]) => <span key={field} data-testid="ph-field-error"><br />{field}: {messages.join(' ')}</span>)}
                          </span>
                        )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="panel-buttons">
        {!results && (
          <button type="button" class="primary" data-testid="ph-push" disabled={busy || writes === 0} onClick={onPush}>
            {writes === 0 ? 'Nothing to push' : `Push ${writes} action${writes === 1 ? '' : 's'} to PostHog`}
          </button>
        )}
        <button type="button" data-testid="ph-recompare" disabled={busy} onClick={onRecompare}>Compare again</button>
      </div>
      {results && <p role="status" data-testid="ph-push-summary">{results.filter((r) => r.ok).length} of {results.length} written to PostHog.</p>}
    </div>
  );
}
