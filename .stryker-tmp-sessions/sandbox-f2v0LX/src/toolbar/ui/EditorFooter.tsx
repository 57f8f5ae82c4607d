// @ts-nocheck
import { useGuarded } from './guarded';

interface Props {
  /** Editing a saved action (Save changes) rather than a new one. */
  editing: boolean;
  /** The draft has problems: Save is shown as unavailable but still answers, by showing them. */
  invalid: boolean;
  saving: boolean;
  saveError: string;
  testing: boolean;
  onSave(): void;
  onCancel(): void;
  onTest(on: boolean): void;
}

/**
 * The editor's footer, sticky at the bottom of the panel so Save, Cancel and the live Test switch
 * are reachable without scrolling however long the form is. Save is `aria-disabled` (focusable,
 * still clickable) while the draft has problems: a click then reveals them instead of saving.
 */
export function EditorFooter(p: Props) {
  // Saving over a saved action replaces its definition (no undo): guarded like Delete.
  const guarded = useGuarded();
  return (
    <div class="lasso-editor-foot" data-testid="editor-footer">
      {p.saveError && <p class="lasso-error" role="alert" data-testid="save-error">{p.saveError}</p>}
      <div class="lasso-editor-foot-row">
        <button type="button" class="lasso-primary" data-testid="save-action" aria-disabled={p.invalid ? 'true' : 'false'} disabled={p.saving} onClick={(e) => (p.editing ? guarded(e, p.onSave) : p.onSave())}>
          {p.editing ? 'Save changes' : 'Save action'}
        </button>
        <button type="button" onClick={p.onCancel}>Cancel</button>
        <label class="lasso-switch">
          <input type="checkbox" role="switch" data-testid="test-switch" checked={p.testing} onChange={(e) => p.onTest(e.currentTarget.checked)} />
          Test on the page
        </label>
      </div>
    </div>
  );
}
