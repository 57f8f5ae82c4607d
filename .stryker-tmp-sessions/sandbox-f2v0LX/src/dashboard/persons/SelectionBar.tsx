// @ts-nocheck
import { navigate } from '../route';
import { newStaticCohortQuery, selectedIds, type PersonSelection } from './selection';

/**
 * What to do with the persons ticked in the list: make them a static cohort (the cohort editor
 * opens with their distinct ids, to be named and saved), select every shown row, or clear.
 */
export function SelectionBar({ selection, shown, onSelectShown, onClear }: { selection: PersonSelection; shown: number; onSelectShown: () => void; onClear: () => void }) {
  const count = selection.size;
  return (
    <div class="selection-bar" role="group" aria-label="Selected persons" data-testid="persons-selection">
      <span role="status">{count === 0 ? 'Tick persons to make a static cohort of them.' : `${count.toLocaleString('en')} person${count === 1 ? '' : 's'} selected`}</span>
      {count > 0 && (
        <button type="button" data-testid="persons-to-cohort" onClick={() => navigate({ view: 'cohorts', id: 'new', query: newStaticCohortQuery(selectedIds(selection)) })}>
          New static cohort of them
        </button>
      )}
      {shown > 0 && (
        <button type="button" data-testid="persons-select-shown" onClick={onSelectShown}>
          Select all {shown.toLocaleString('en')} shown
        </button>
      )}
      {count > 0 && (
        <button type="button" onClick={onClear}>
          Clear selection
        </button>
      )}
    </div>
  );
}
