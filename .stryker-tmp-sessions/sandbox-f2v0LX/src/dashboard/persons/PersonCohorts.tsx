// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/protocol';
import type { CohortRow } from '../../store/cohorts';
import { routeHref } from '../route';
import { errorText } from '../use-request';

type State = { loading: true } | { loading: false; cohorts: CohortRow[]; member: CohortRow[]; error: string | null };

/**
 * The saved cohorts the person of `distinctId` belongs to: `cohorts.list`, then `cohorts.isMember`
 * per cohort (answered from the background's members cache, not by reading events here).
 */
export function PersonCohorts({ distinctId }: { distinctId: string }) {
  const [state, setState] = useState<State>({ loading: true });
  useEffect(() => {
    let current = true;
    setState({ loading: true });
    (async () => {
      const cohorts = await sendMessage('cohorts.list', {});
      const answers = await Promise.all(cohorts.map((c) => sendMessage('cohorts.isMember', { id: c.id, distinctId }).then((a) => a.member, (e: unknown) => errorText(e))));
      const failed = answers.find((a): a is string => typeof a === 'string') ?? null;
      return { cohorts, member: cohorts.filter((_, i) => answers[i] === true), error: failed };
    })().then(
      (done) => current && setState({ loading: false, ...done }),
      (e: unknown) => current && setState({ loading: false, cohorts: [], member: [], error: errorText(e) }),
    );
    return () => {
      current = false;
    };
  }, [distinctId]);

  if (state.loading) return <p class="muted">Checking cohorts…</p>;
  return (
    <div data-testid="person-cohorts">
      {state.error && (
        <p class="error" role="alert">
          Some cohorts could not be checked: {state.error}
        </p>
      )}
      {state.cohorts.length === 0 ? (
        <p class="muted">
          No cohorts saved yet. <a href={routeHref('cohorts')}>Build a cohort</a> to group persons like this one.
        </p>
      ) : state.member.length === 0 ? (
        <p class="muted">In none of the {state.cohorts.length} saved cohorts.</p>
      ) : (
        <ul class="plain-list">
          {state.member.map((c) => (
            <li key={c.id} data-testid="person-cohort">
              <a href={routeHref('cohorts', c.id)}>{c.name}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
