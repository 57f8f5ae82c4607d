// @ts-nocheck
import { useState } from 'preact/hooks';
import { useOtherSites } from '../services/useOtherSites';

interface Props {
  /** This tab's site (host with port). */
  site: string;
  /** Names of this site's actions: a copy with one of them is named "… (copy)". */
  taken: readonly string[];
  /** A copy was saved: reload this site's list. */
  onCopied(): void;
}

const stepsText = (n: number) => (n === 1 ? '1 step' : `${n} steps`);

/**
 * "Other sites", at the bottom of the saved-actions list: on request, the actions of every other
 * site (another host, or the same host on another port), grouped by site, each with "Copy to
 * this site". Closed by default: other sites' definitions are shown only when asked for.
 */
export function OtherSites({ site, taken, onCopied }: Props) {
  const [open, setOpen] = useState(false);
  const other = useOtherSites(site, open, taken, onCopied);
  return (
    <section class="lasso-other-sites" data-testid="other-sites" aria-label="Actions of other sites">
      <button type="button" aria-expanded={open} aria-controls="lasso-other-sites-list" data-testid="other-sites-toggle" onClick={() => setOpen(!open)}>
        {open ? 'Hide other sites' : 'Other sites'}
      </button>
      {open && (
        <div id="lasso-other-sites-list">
          {other.error && <p class="lasso-error" role="alert">{other.error}</p>}
          {other.message && <p role="status" data-testid="copy-status">{other.message}</p>}
          {other.groups === null && !other.error && <p class="lasso-muted">Loading other sites’ actions…</p>}
          {other.groups?.length === 0 && (
            <p class="lasso-muted" data-testid="other-sites-empty">No actions on other sites. Actions saved on another host or port (such as localhost:3000) can be copied here.</p>
          )}
          {other.groups?.map(({ site: from, actions }) => (
            <div key={from} data-testid="other-site" data-site={from}>
              <h4>{from}</h4>
              <ul>
                {actions.map((action) => (
                  <li key={action.id} data-testid="other-action" data-name={action.name}>
                    <div class="lasso-row-head">
                      <b>{action.name}</b>
                      <span class="lasso-muted">{stepsText(action.steps.length)}</span>
                    </div>
                    <button type="button" data-testid="copy-here" aria-label={`Copy to this site: ${action.name} from ${from}`} onClick={() => void other.copy(action)}>
                      Copy to this site
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
