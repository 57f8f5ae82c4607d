// @ts-nocheck
import { useMemo, useState } from 'preact/hooks';
import { resolveTarget } from '../../selectors/target';
import { defaultScope, selectorCandidates, similarElements, type SelectorCandidate, type SelectorScope } from '../../selectors';
import { captureElements } from '../../autocapture/elements';
import type { ClickEventCache } from '../draft';
import { candidateMatches, describeMatches, type CandidateMatches } from './candidate-elements';
import { SimilarChoice } from './SimilarChoice';
import { tabPanel } from './Tabs';
import { useSelectorAttributes } from '../services/useSelectorAttributes';

interface Props {
  element: Element;
  /** The top document: counted as the editor counts (its open shadow roots and same-origin iframes). */
  root: Document;
  /** Is an action being edited (then the element can become one of its steps)? */
  editing: boolean;
  onNewAction(element: Element, candidates: SelectorCandidate[], scope: SelectorScope): void;
  onAddStep(element: Element, candidates: SelectorCandidate[], scope: SelectorScope): void;
  /** Outline these elements (a candidate's matches; null: stop). */
  onPreviewCandidate(elements: Element[] | null): void;
}

/** Attributes worth showing, each once: no `style` (noise), no empty `class`, no `href` (shown above). */
export function attributesOf(el: Element): [string, string][] {
  return [...el.attributes]
    .filter((a) => a.name !== 'style' && a.name !== 'href' && !(a.name === 'class' && !a.value.trim()))
    .slice(0, 20)
    .map((a) => [a.name, a.value.length > 120 ? `${a.value.slice(0, 117)}…` : a.value]);
}

/** A text shown unambiguously: in double quotes, inner quotes and backslashes escaped. */
export const quoted = (text: string): string => JSON.stringify(text);

/** The candidate as the user reads it: a selector, or a tag with a text condition. */
export const candidateLabel = (c: SelectorCandidate): string => (c.kind === 'text' ? `${c.selector} with text ${quoted(c.text ?? '')}` : c.selector);

/**
 * The picked element: what autocapture would record for a click on it (tag, text, href, the
 * attributes), whether it is one of several similar elements (then a new action covers all of
 * them by default, or only this one), and the ranked selector candidates with score, reasons and
 * how many elements each matches on this page — counted as the editor counts them (hover one to
 * see them outlined, click "Use" to start an action or step with it).
 */
export function ElementPanel({ element, root, editing, onNewAction, onAddStep, onPreviewCandidate }: Props) {
  const { target, recorded, group } = useMemo(() => {
    const resolved = resolveTarget(element);
    return { target: resolved.target, recorded: captureElements(element, true).elements[0], group: similarElements(element) };
  }, [element]);
  const [scope, setScope] = useState<SelectorScope>(() => defaultScope(group));
  const dataAttributes = useSelectorAttributes();
  const candidates = useMemo(() => selectorCandidates(element, { scope, dataAttributes }), [element, scope, dataAttributes]);
  const matches = useMemo(() => {
    const events: ClickEventCache = new WeakMap();
    return new Map<SelectorCandidate, CandidateMatches>(candidates.map((c) => [c, candidateMatches([root], c, events)]));
  }, [candidates, root]);
  const rect = target.getBoundingClientRect();
  const href = target.getAttribute('href');
  const use = (c: SelectorCandidate) => {
    const ordered = [c, ...candidates.filter((o) => o !== c)];
    (editing ? onAddStep : onNewAction)(element, ordered, scope);
  };
  return (
    <section class="lasso-element" data-testid="element-panel" {...tabPanel('element')}>
      <h3>
        <code>&lt;{target.tagName.toLowerCase()}&gt;</code> <span class="lasso-muted">{Math.round(rect.width)}×{Math.round(rect.height)}</span>
      </h3>
      <dl class="lasso-facts">
        {recorded?.text ? (<><dt>text</dt><dd data-testid="element-text">{quoted(recorded.text)}</dd></>) : null}
        {href ? (<><dt>href</dt><dd>{href}</dd></>) : null}
        {attributesOf(target).map(([name, value]) => (<><dt>{name}</dt><dd>{value}</dd></>))}
      </dl>
      {group && <SimilarChoice group={group} scope={scope} onScope={setScope} onPreview={onPreviewCandidate} />}
      {group && scope === 'similar' && candidates.length > 0 && !candidates[0].coversSimilar && (
        <p class="lasso-notice" role="status" data-testid="similar-uncovered">
          No selector matches exactly these {group.elements.length} elements; the first one below matches {matches.get(candidates[0])?.elements.length ?? candidates[0].matchCount}. Check its outlines, or edit the selector in the action.
        </p>
      )}
      <div class="lasso-actions-row">
        <button type="button" class="lasso-primary" data-testid="new-action" onClick={() => onNewAction(element, candidates, scope)}>New action from this element</button>
        {editing && <button type="button" data-testid="add-step" onClick={() => onAddStep(element, candidates, scope)}>Add as a step</button>}
      </div>
      <h4>Selectors <span class="lasso-muted">best first</span></h4>
      {candidates.length === 0 && <p class="lasso-muted">No selector identifies this element; use its text or a parent.</p>}
      <ol class="lasso-candidates" data-testid="candidates" onMouseLeave={() => onPreviewCandidate(null)}>
        {candidates.map((c) => {
          const m = matches.get(c) ?? { elements: [], visible: 0 };
          return (
            <li key={`${c.selector}|${c.text ?? ''}`} data-selector={c.selector} data-text={c.text} data-matches-click={String(c.matchesClick)} onMouseEnter={() => onPreviewCandidate(m.elements)} title={c.reasons.join('\n')}>
              <code class="lasso-selector">{candidateLabel(c)}</code>
              <span class={`lasso-score lasso-score--${c.score >= 70 ? 'good' : c.score >= 40 ? 'fair' : 'poor'}`} aria-label={`score ${c.score} of 100`}>{c.score}</span>
              <span class="lasso-muted" data-testid="candidate-count" data-count={m.elements.length}>{describeMatches(m)}</span>
              {c.coversSimilar && <span class="lasso-badge" data-testid="covers-similar">all similar</span>}
              {!c.matchesClick && <span class="lasso-warn">does not match the click</span>}
              <small class="lasso-reasons">{c.reasons.slice(0, 2).join(' · ')}</small>
              <button
                type="button"
                class="lasso-use"
                data-testid="use-candidate"
                aria-label={`Use ${candidateLabel(c)} ${editing ? 'as a new step' : 'for a new action'}`}
                onFocus={() => onPreviewCandidate(m.elements)}
                onBlur={() => onPreviewCandidate(null)}
                onClick={() => use(c)}
              >
                Use
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
