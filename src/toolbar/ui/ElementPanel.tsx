import { useMemo } from 'preact/hooks';
import { resolveTarget } from '../../selectors/target';
import { selectorCandidates, type SelectorCandidate } from '../../selectors';
import { captureElements } from '../../autocapture/elements';
import { tabPanel } from './Tabs';

interface Props {
  element: Element;
  /** Is an action being edited (then the element can become one of its steps)? */
  editing: boolean;
  onNewAction(element: Element, candidates: SelectorCandidate[]): void;
  onAddStep(element: Element, candidates: SelectorCandidate[]): void;
  /** Outline the elements a candidate matches (null: stop). */
  onPreviewCandidate(candidate: SelectorCandidate | null): void;
}

/** Attributes worth showing (long values cut; no `style`, it is noise). */
function attributesOf(el: Element): [string, string][] {
  return [...el.attributes].filter((a) => a.name !== 'style').slice(0, 20).map((a) => [a.name, a.value.length > 120 ? `${a.value.slice(0, 117)}…` : a.value]);
}

/**
 * The picked element: what autocapture would record for a click on it (tag, text, href, the
 * attributes), and the ranked selector candidates with score, reasons and how many elements
 * each matches on this page (hover one to see them outlined).
 */
export function ElementPanel({ element, editing, onNewAction, onAddStep, onPreviewCandidate }: Props) {
  const { target, candidates, recorded } = useMemo(() => {
    const resolved = resolveTarget(element);
    const captured = captureElements(element, true);
    return { target: resolved.target, candidates: selectorCandidates(element), recorded: captured.elements[0] };
  }, [element]);
  const rect = target.getBoundingClientRect();
  const href = target.getAttribute('href');
  return (
    <section class="lasso-element" data-testid="element-panel" {...tabPanel('element')}>
      <h3>
        <code>&lt;{target.tagName.toLowerCase()}&gt;</code> <span class="lasso-muted">{Math.round(rect.width)}×{Math.round(rect.height)}</span>
      </h3>
      <dl class="lasso-facts">
        {recorded?.text ? (<><dt>text</dt><dd data-testid="element-text">{recorded.text}</dd></>) : null}
        {href ? (<><dt>href</dt><dd>{href}</dd></>) : null}
        {attributesOf(target).map(([name, value]) => (<><dt>{name}</dt><dd>{value}</dd></>))}
      </dl>
      <div class="lasso-actions-row">
        <button type="button" class="lasso-primary" data-testid="new-action" onClick={() => onNewAction(element, candidates)}>New action from this element</button>
        {editing && <button type="button" data-testid="add-step" onClick={() => onAddStep(element, candidates)}>Add as a step</button>}
      </div>
      <h4>Selectors <span class="lasso-muted">best first</span></h4>
      {candidates.length === 0 && <p class="lasso-muted">No selector identifies this element; use its text or a parent.</p>}
      <ol class="lasso-candidates" data-testid="candidates" onMouseLeave={() => onPreviewCandidate(null)}>
        {candidates.map((c) => (
          <li key={`${c.selector}|${c.text ?? ''}`} onMouseEnter={() => onPreviewCandidate(c)} title={c.reasons.join('\n')}>
            <code class="lasso-selector">{c.kind === 'text' ? `${c.selector} "${c.text}"` : c.selector}</code>
            <span class={`lasso-score lasso-score--${c.score >= 70 ? 'good' : c.score >= 40 ? 'fair' : 'poor'}`}>{c.score}</span>
            <span class="lasso-muted" data-testid="candidate-count">{c.matchCount} on this page</span>
            {!c.matchesClick && <span class="lasso-warn">does not match the click</span>}
            <small class="lasso-reasons">{c.reasons.slice(0, 2).join(' · ')}</small>
          </li>
        ))}
      </ol>
    </section>
  );
}
