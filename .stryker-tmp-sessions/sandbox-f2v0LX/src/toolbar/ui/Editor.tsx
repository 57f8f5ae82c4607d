// @ts-nocheck
import type { LiveFeedState } from '../services/useLiveFeed';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledAction } from '../../actions';
import {
  addStep, eventStep, forgetStep, pageviewStep, removeStep, setTags, tagsText, touch, touchAll, untouched, updateStep, visibleProblems,
  type Draft, type DraftProblems, type PageMatches, type PageMatchesError, type Touched,
} from '../draft';
import type { StoredPreview as PreviewState } from '../services/usePreview';
import { EditorFooter } from './EditorFooter';
import { LiveFeed } from './LiveFeed';
import { Problems, StepEditor } from './StepEditor';
import { StoredPreview } from './StoredPreview';
import { tabPanel } from './Tabs';

interface Props {
  draft: Draft;
  /** Every problem of the draft, the server's included. */
  problems: DraftProblems;
  /** Problems a refused save returned: shown whether touched or not. */
  serverProblems: DraftProblems;
  warnings: DraftProblems;
  page: PageMatches | PageMatchesError | null;
  stored: PreviewState;
  compiled: CompiledAction | null;
  testing: boolean;
  feed: LiveFeedState;
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

/** The draft key (`data-touch`) of the field an event came from, if any. */
const touchKey = (e: Event): string | null => (e.target as Element | null)?.closest?.('[data-touch]')?.getAttribute('data-touch') ?? null;

/**
 * Whether `e` touches a field. `input` counts only from text entry: a checkbox or select fires
 * `input` before the `change` its own handler listens to, and re-rendering in between (Preact
 * renders after each listener) would put the old state back before that handler reads it.
 */
const touches = (e: Event): boolean =>
  e.type !== 'input' || (e.target as Element | null)?.tagName === 'TEXTAREA' || ((e.target as HTMLInputElement | null)?.tagName === 'INPUT' && (e.target as HTMLInputElement).type === 'text');

/**
 * The action editor with its three previews: elements matched on this page (outlined, counted
 * per step), stored events (counts, split by type, per day, latest), and the live feed while
 * testing. All three use the same compiled matcher. A field's problem shows once the user has
 * touched it (typed, changed or left it) or tried to save; the server's always show. Save,
 * Cancel and the Test switch sit in a footer that stays in view while the form scrolls.
 */
export function Editor(p: Props) {
  const { draft } = p;
  const [touched, setTouched] = useState<Touched>(untouched);
  const sectionRef = useRef<HTMLElement>(null);
  const liveRef = useRef<HTMLHeadingElement>(null);
  const [attempts, setAttempts] = useState(0);
  const problems = visibleProblems(p.problems, touched, p.serverProblems);
  const page = p.page && 'perStep' in p.page ? p.page : null;
  const pageError = p.page && 'error' in p.page ? p.page.error : '';

  const onTouch = (e: Event) => {
    const key = touches(e) ? touchKey(e) : null;
    if (key) setTouched((t) => touch(t, key));
  };
  // A refused Save attempt shows every problem and moves focus to the first one.
  useEffect(() => {
    if (attempts) sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);
  // Switched on from the footer: bring the feed into view. It is the last part of the form, so
  // 'start' scrolls at most to the end, leaving it just above the footer.
  useEffect(() => {
    if (p.testing) liveRef.current?.scrollIntoView?.({ block: 'start' });
  }, [p.testing]);
  const save = () => {
    setTouched(touchAll);
    if (p.problems.size) setAttempts((n) => n + 1);
    else p.onSave();
  };

  return (
    <section class="lasso-form lasso-editor" data-testid="editor" ref={sectionRef} onInput={onTouch} onChange={onTouch} onFocusOut={onTouch} {...tabPanel('editor')}>
      <div class="lasso-editor-main">
        <label class="lasso-block" for="lasso-name">Name</label>
        <input id="lasso-name" type="text" class="lasso-wide" data-testid="action-name" data-touch="name" value={draft.name} aria-invalid={problems.has('name') ? 'true' : 'false'} onInput={(e) => p.onChange({ ...draft, name: e.currentTarget.value })} />
        <Problems list={problems.get('name')} testid="error-name" />
        <label class="lasso-block" for="lasso-description">Description</label>
        <textarea id="lasso-description" rows={2} data-touch="description" value={draft.description} onInput={(e) => p.onChange({ ...draft, description: e.currentTarget.value })} />
        <label class="lasso-block" for="lasso-tags">Tags <span class="lasso-muted">comma separated</span></label>
        <input id="lasso-tags" type="text" class="lasso-wide" data-touch="tags" value={tagsText(draft.tags)} onChange={(e) => p.onChange(setTags(draft, e.currentTarget.value))} />

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
            onRemove={() => {
              setTouched((t) => forgetStep(t, i));
              p.onChange(removeStep(draft, i));
            }}
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
      <h3 class="lasso-subhead" ref={liveRef}>Live</h3>
      {p.testing
        ? (p.captureNotice && !p.feed.events.length ? p.captureNotice() : <LiveFeed events={p.feed.events} persons={p.feed.persons} compiled={p.compiled} />)
        : <p class="lasso-muted">Switch on “Test on the page” below, then use the page: each new event shows whether it matches.</p>}
      </div>

      <EditorFooter
        editing={!!draft.id}
        invalid={p.problems.size > 0}
        saving={p.saving}
        saveError={p.saveError}
        testing={p.testing}
        onSave={save}
        onCancel={p.onCancel}
        onTest={p.onTest}
      />
    </section>
  );
}
