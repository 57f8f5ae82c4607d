// @ts-nocheck
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/protocol';
import {
  addStep, blankStep, draftFromAction, draftProblems, draftToAction, draftWarnings, eventStep, pageviewStep, problemsFromSave, removeStep,
  setTags, tagsText, updateStep, type Draft, type DraftProblems,
} from '../../toolbar/draft';
import { describeError } from '../../toolbar/services/api';
import { Problems, StepEditor } from '../../toolbar/ui/StepEditor';
import type { StoredAction } from '../../actions/types';

interface Props {
  action: StoredAction;
  /** After a save: the stored action. */
  onSaved(action: StoredAction): void;
  onCancel(): void;
}

/**
 * The toolbar's editor without the page preview: name, description, tags and steps (the
 * toolbar's StepEditor and draft model, so both check a draft the same way). Every problem shows
 * as it is; Save is `aria-disabled` while there is one and, pressed, focuses the first. A save
 * the background refuses shows its problems under their fields.
 */
export function ActionEditor({ action, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftFromAction(action));
  const [server, setServer] = useState<DraftProblems>(new Map());
  const [saveError, setSaveError] = useState('');
  const [saving, setSaving] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const problems = draftProblems(draft, { requireName: true });
  for (const [k, v] of server) problems.set(k, [...(problems.get(k) ?? []), ...v]);
  const warnings = draftWarnings(draft);
  const change = (next: Draft) => {
    setDraft(next);
    setServer(new Map());
  };
  useEffect(() => {
    if (attempts) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaveError('');
    if (problems.size) return setAttempts((n) => n + 1);
    setSaving(true);
    try {
      onSaved(await sendMessage('actions.save', { action: draftToAction(draft) }));
    } catch (err) {
      const { message, problems: fields } = describeError(err);
      setServer(problemsFromSave(fields));
      setSaveError(message);
    } finally {
      setSaving(false);
    }
  };
  const count = problems.size;
  return (
    <form class="action-editor" ref={form} onSubmit={(e) => void save(e)} data-testid="action-editor" aria-label={`Edit ${action.name}`}>
      <label class="block" for="action-name">Name</label>
      <input id="action-name" type="text" class="wide" data-testid="action-name-input" value={draft.name} aria-invalid={problems.has('name') ? 'true' : 'false'} onInput={(e) => change({ ...draft, name: e.currentTarget.value })} />
      <Problems list={problems.get('name')} testid="error-name" />
      <label class="block" for="action-description">Description</label>
      <textarea id="action-description" rows={2} value={draft.description} onInput={(e) => change({ ...draft, description: e.currentTarget.value })} />
      <label class="block" for="action-tags">Tags <span class="muted">comma separated</span></label>
      <input id="action-tags" type="text" class="wide" value={tagsText(draft.tags)} onChange={(e) => change(setTags(draft, e.currentTarget.value))} />
      {draft.steps.map((step, i) => (
        <StepEditor
          key={i}
          step={step}
          index={i}
          count={draft.steps.length}
          problems={problems}
          warnings={warnings}
          page={null}
          onChange={(next) => change(updateStep(draft, i, next))}
          onRemove={() => change(removeStep(draft, i))}
        />
      ))}
      <Problems list={problems.get('steps')} />
      <div class="panel-buttons">
        <span class="muted">Add a step:</span>
        <button type="button" onClick={() => change(addStep(draft, blankStep('element', '$autocapture')))}>element click</button>
        <button type="button" onClick={() => change(addStep(draft, pageviewStep('')))}>page view</button>
        <button type="button" onClick={() => change(addStep(draft, eventStep('')))}>custom event</button>
      </div>
      <div class="panel-buttons editor-footer">
        <button type="submit" class="primary" data-testid="save-action" aria-disabled={count ? 'true' : 'false'} aria-describedby="save-state" disabled={saving}>
          Save
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
        <span id="save-state" role="status" class={count || saveError ? 'error' : 'muted'} data-testid="save-state">
          {saveError ? `Not saved: ${saveError}` : count ? `Cannot save yet: ${count} problem${count === 1 ? '' : 's'} to fix above.` : ''}
        </span>
      </div>
    </form>
  );
}
