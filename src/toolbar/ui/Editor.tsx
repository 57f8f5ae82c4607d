import type { ComponentChildren } from 'preact';
import type { CompiledAction } from '../../actions';
import type { CaptureEvent } from '../../events/types';
import { addStep, eventStep, pageviewStep, removeStep, setTags, tagsText, updateStep, type Draft, type DraftProblems, type PageMatches, type PageMatchesError } from '../draft';
import type { StoredPreview as PreviewState } from '../services/usePreview';
import { LiveFeed } from './LiveFeed';
import { Problems, StepEditor } from './StepEditor';
import { StoredPreview } from './StoredPreview';
import { tabPanel } from './Tabs';

interface Props {
  draft: Draft;
  problems: DraftProblems;
  warnings: DraftProblems;
  page: PageMatches | PageMatchesError | null;
  stored: PreviewState;
  compiled: CompiledAction | null;
  testing: boolean;
  feed: CaptureEvent[];
  saving: boolean;
  saveError: string;
  pageUrl: string;
  /** Capture is off here: this notice (CaptureOffNotice) stands in the stored and live areas. */
  captureNotice: (() => ComponentChildren) | null;
  onChange(draft: Draft): void;
  onPickStep(): void;
  onTest(on: boolean): void;
  onSave(): void;
  onCancel(): void;
}

/**
 * The action editor with its three previews: elements matched on this page (outlined, counted
 * per step), stored events (counts, per day, latest), and the live feed while testing. All three
 * use the same compiled matcher. Save stays disabled until the matcher accepts the draft.
 */
export function Editor(p: Props) {
  const { draft, problems } = p;
  const page = p.page && 'perStep' in p.page ? p.page : null;
  const pageError = p.page && 'error' in p.page ? p.page.error : '';
  const valid = problems.size === 0;
  return (
    <section class="lasso-form" data-testid="editor" {...tabPanel('editor')}>
      <label class="lasso-block" for="lasso-name">Name</label>
      <input id="lasso-name" type="text" class="lasso-wide" data-testid="action-name" value={draft.name} aria-invalid={problems.has('name') ? 'true' : 'false'} onInput={(e) => p.onChange({ ...draft, name: e.currentTarget.value })} />
      <Problems list={problems.get('name')} testid="error-name" />
      <label class="lasso-block" for="lasso-description">Description</label>
      <textarea id="lasso-description" rows={2} value={draft.description} onInput={(e) => p.onChange({ ...draft, description: e.currentTarget.value })} />
      <label class="lasso-block" for="lasso-tags">Tags <span class="lasso-muted">comma separated</span></label>
      <input id="lasso-tags" type="text" class="lasso-wide" value={tagsText(draft.tags)} onChange={(e) => p.onChange(setTags(draft, e.currentTarget.value))} />

      {draft.steps.map((step, i) => (
        <StepEditor
          key={i}
          step={step}
          index={i}
          count={draft.steps.length}
          problems={problems}
          warnings={p.warnings}
          page={page?.perStep[i] ?? null}
          onChange={(next) => p.onChange(updateStep(draft, i, next))}
          onRemove={() => p.onChange(removeStep(draft, i))}
        />
      ))}
      <Problems list={problems.get('steps')} />
      <div class="lasso-actions-row">
        <span class="lasso-muted">Add a step:</span>
        <button type="button" data-testid="add-element-step" onClick={p.onPickStep}>element…</button>
        <button type="button" data-testid="add-pageview-step" onClick={() => p.onChange(addStep(draft, pageviewStep(p.pageUrl)))}>page view</button>
        <button type="button" data-testid="add-event-step" onClick={() => p.onChange(addStep(draft, eventStep('')))}>custom event</button>
      </div>

      <h3 class="lasso-subhead">On this page</h3>
      {pageError ? <p class="lasso-muted">{pageError}</p> : (
        <p data-testid="page-count">
          {page ? `${page.elements.length} matching element${page.elements.length === 1 ? '' : 's'} outlined${draft.steps.length > 1 ? ' (all steps)' : ''}` : '…'}
        </p>
      )}
      <h3 class="lasso-subhead">Stored events</h3>
      {p.captureNotice?.()}
      <StoredPreview state={p.stored} />
      <h3 class="lasso-subhead">
        Live{' '}
        <label class="lasso-switch">
          <input type="checkbox" role="switch" data-testid="test-switch" checked={p.testing} onChange={(e) => p.onTest(e.currentTarget.checked)} />
          test on the page
        </label>
      </h3>
      {p.testing && (p.captureNotice && !p.feed.length ? p.captureNotice() : <LiveFeed events={p.feed} compiled={p.compiled} />)}

      {p.saveError && <p class="lasso-error" role="alert" data-testid="save-error">{p.saveError}</p>}
      <div class="lasso-actions-row">
        <button type="button" class="lasso-primary" data-testid="save-action" disabled={!valid || p.saving} onClick={p.onSave}>
          {draft.id ? 'Save changes' : 'Save action'}
        </button>
        <button type="button" onClick={p.onCancel}>Cancel</button>
      </div>
    </section>
  );
}
