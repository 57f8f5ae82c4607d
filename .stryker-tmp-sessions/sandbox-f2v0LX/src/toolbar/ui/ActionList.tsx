// @ts-nocheck
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import type { SelectorCandidate } from '../../selectors';
import type { ActionSummary } from '../../preview/summary';
import { candidateLabel } from './ElementPanel';
import { tabPanel } from './Tabs';
import { OtherSites } from './OtherSites';
import { useGuarded } from './guarded';

/** One saved action as the list shows it: stored counts, matches on this page, broken or not. */
export interface ListedAction {
  action: StoredAction;
  summary: ActionSummary | null;
  /** Elements it matches on this page now (null: no element step). */
  pageCount: number | null;
  /** It matched here before (a stored event on this page) but matches nothing now. */
  broken: boolean;
  /** For a broken action: the element it most likely used to match, and selectors for it. */
  replacements: SelectorCandidate[];
  /** The step a replacement goes into (the first element step matching nothing here), or -1. */
  brokenStep: number;
}

interface Props {
  /** This tab's site (host with port). */
  site: string;
  items: ListedAction[] | null;
  error: string;
  shown: string | null;
  /** The "New action" control, next to the search. */
  newAction: ComponentChildren;
  /** List-wide tools under the search row (export, import). */
  tools: ComponentChildren;
  /** Extra controls of one action's row (copy as Playwright test). */
  rowTools(action: StoredAction): ComponentChildren;
  onEdit(action: StoredAction): void;
  onDuplicate(action: StoredAction): void;
  onDelete(action: StoredAction): void;
  onShow(action: StoredAction | null): void;
  /** Edit the action with a replacement selector put into its broken step. */
  onReplace(action: StoredAction, step: number, candidate: SelectorCandidate): void;
  /** An action was copied here from another site. */
  onCopied(): void;
}

/** Saved actions of this site: search, counts, edit / duplicate / delete, show on page, broken badge. */
export function ActionList({ site, items, error, shown, newAction, tools, rowTools, onEdit, onDuplicate, onDelete, onShow, onReplace, onCopied }: Props) {
  const [query, setQuery] = useState('');
  const guarded = useGuarded();
  const q = query.trim().toLowerCase();
  const visible = (items ?? []).filter(({ action }) => !q || action.name.toLowerCase().includes(q) || (action.tags ?? []).some((t) => t.toLowerCase().includes(q)));
  return (
    <section class="lasso-list" data-testid="action-list" {...tabPanel('actions')}>
      <div class="lasso-actions-row">
        <input type="search" placeholder="Search actions" aria-label="Search actions" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        {newAction}
      </div>
      {tools}
      {error && <p class="lasso-error" role="alert">{error}</p>}
      {items === null && <p class="lasso-muted">Loading actions…</p>}
      {items?.length === 0 && <p class="lasso-muted">No actions on this site yet: start one with New action (pick an element, a page view or a custom event), or import a file.</p>}
      <ul>
        {visible.map(({ action, summary, pageCount, broken, replacements, brokenStep }) => (
          <li key={action.id} data-testid="saved-action" data-name={action.name}>
            <div class="lasso-row-head">
              <b>{action.name}</b>
              {broken && (
                <span class="lasso-badge lasso-badge--warn" data-testid="broken-badge" title="Matched elements on this page before; matches none now. A deploy may have changed the element.">
                  broken?
                </span>
              )}
            </div>
            <div class="lasso-muted">
              <span data-testid="saved-count">{summary ? `${summary.windows['7d'].toLocaleString('en')} in 7 d · ${summary.windows.all.toLocaleString('en')} in all` : '…'}</span>
              {pageCount !== null && <span data-testid="saved-page-count"> · {pageCount} on this page</span>}
            </div>
            {broken && replacements.length > 0 && (
              <div class="lasso-replacements" data-testid="replacements">
                Try instead:{' '}
                {replacements.map((c) => (
                  <button
                    type="button"
                    key={c.selector + (c.text ?? '')}
                    data-testid="use-replacement"
                    aria-label={`Edit “${action.name}” with ${candidateLabel(c)}`}
                    onClick={() => onReplace(action, Math.max(0, brokenStep), c)}
                  >
                    {candidateLabel(c)}
                  </button>
                ))}
              </div>
            )}
            <div class="lasso-actions-row">
              <button type="button" onClick={() => onEdit(action)}>Edit</button>
              <button type="button" onClick={() => onDuplicate(action)}>Duplicate</button>
              <button type="button" aria-pressed={shown === action.id} onClick={() => onShow(shown === action.id ? null : action)}>Show on page</button>
              <button type="button" class="lasso-danger" onClick={(e) => guarded(e, () => onDelete(action))}>Delete</button>
              {rowTools(action)}
            </div>
          </li>
        ))}
      </ul>
      <OtherSites site={site} taken={(items ?? []).map((i) => i.action.name)} onCopied={onCopied} />
    </section>
  );
}
