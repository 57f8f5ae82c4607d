// @ts-nocheck
import type { ExportedFile } from '../store/action-files';

/**
 * Per action of an export, each construct PostHog would evaluate differently (or that none
 * would): shown before a file is saved, in the dashboard and in the toolbar. `classPrefix` names
 * its classes as the host styles them (the toolbar's shadow root prefixes every class `lasso-`).
 */
export function CompatReport({ exported, classPrefix = '' }: { exported: ExportedFile; classPrefix?: string }) {
  const muted = `${classPrefix}muted`;
  if (exported.count === 0) return <p class={muted}>No actions to export yet: save one first.</p>;
  if (exported.compat.length === 0) {
    return <p data-testid="compat-report">PostHog evaluates {exported.count === 1 ? 'this action' : `all ${exported.count} actions`} the same way Lasso does.</p>;
  }
  return (
    <div data-testid="compat-report">
      <p>
        {exported.compat.length} of {exported.count} action{exported.count === 1 ? '' : 's'} may match differently in PostHog:
      </p>
      <ul class={`${classPrefix}report`}>
        {exported.compat.map(({ name, issues }) => (
          <li key={name} data-testid="compat-action">
            <b>{name}</b>
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>
                  {issue.step !== null && <span class={muted}>step {issue.step + 1}, </span>}
                  {issue.construct}: PostHog {issue.posthog}; Lasso {issue.lasso}.
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
