// @ts-nocheck
import { useState } from 'preact/hooks';
import { CohortMembersExport } from '../export/CohortMembersExport';
import { routeHref } from '../route';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useRequest } from '../use-request';

const PAGE = 50;

/** A saved cohort's members (`cohorts.members`, 50 a page) and their count, each linking to the person's profile. */
export function CohortMembers({ id, name }: { id: string; name: string }) {
  const [offset, setOffset] = useState(0);
  const page = useRequest('cohorts.members', { id, offset, limit: PAGE });
  const count = page.data?.count ?? 0;
  return (
    <section class="cohort-members" aria-labelledby="members-title">
      <h3 id="members-title">
        Members <span data-testid="cohort-member-count">{page.data ? count.toLocaleString('en') : '…'}</span>
      </h3>
      {page.error && <ErrorMessage doing="compute the members" error={page.error} onRetry={page.reload} />}
      {page.data && count === 0 && <p class="muted">Nobody is in this cohort yet: loosen its conditions, or wait for more events.</p>}
      {page.data && count > 0 && (
        <>
          <CohortMembersExport id={id} name={name} />
          <ul class="plain-list" data-testid="cohort-members">
            {page.data.members.map((m) => (
              <li key={m.distinct_ids[0]}>
                <a href={routeHref('persons', m.distinct_ids[0])}>{m.distinct_ids[0]}</a>
                {m.distinct_ids.length > 1 && <span class="muted"> (+{m.distinct_ids.length - 1} more ids)</span>}
              </li>
            ))}
          </ul>
          <p class="pager">
            <span>
              {offset + 1}–{offset + page.data.members.length} of {count.toLocaleString('en')}
            </span>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous members</button>
            <button type="button" disabled={offset + PAGE >= count} onClick={() => setOffset(offset + PAGE)}>Next members</button>
          </p>
        </>
      )}
    </section>
  );
}
