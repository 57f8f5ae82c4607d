// @ts-nocheck
import type { SelectorScope, SimilarGroup } from '../../selectors';

interface Props {
  group: SimilarGroup;
  scope: SelectorScope;
  onScope(scope: SelectorScope): void;
  /** Outline these elements (null: stop). */
  onPreview(elements: Element[] | null): void;
}

const IDENTITY: Record<NonNullable<SimilarGroup['identity']>['kind'], string> = { href: 'its link', label: 'its label', name: 'its field name' };

/**
 * "One of 12 similar": a new action covers all similar elements (rows, cards) or only this one.
 * The default is all of them, unless something tells this one apart (a link's href, a menu
 * item's label) — then the panel says so and defaults to this one.
 */
export function SimilarChoice({ group, scope, onScope, onPreview }: Props) {
  const n = group.elements.length;
  return (
    <fieldset class="lasso-similar" data-testid="similar" onMouseEnter={() => onPreview(group.elements)} onMouseLeave={() => onPreview(null)}>
      <legend data-testid="similar-count" data-count={n}>
        One of {n} similar elements
        {group.identity && <span class="lasso-muted"> — told apart by {IDENTITY[group.identity.kind]}</span>}
      </legend>
      <label>
        <input type="radio" name="lasso-similar-scope" data-testid="scope-similar" checked={scope === 'similar'} onChange={() => onScope('similar')} />
        All {n} similar
      </label>
      <label>
        <input type="radio" name="lasso-similar-scope" data-testid="scope-one" checked={scope === 'one'} onChange={() => onScope('one')} />
        Only this one
      </label>
    </fieldset>
  );
}
