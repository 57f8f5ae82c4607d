// @ts-nocheck
import { OPERATORS } from '../../actions';
import type { PropertyFilter, StringMatching } from '../../actions/types';
import { addFilter, removeFilter, setStepKind, updateField, updateFilter, type DraftProblems, type DraftStep, type MatchedFieldName, type StepKind } from '../draft';
import type { StepPageMatches } from '../draft';

interface Props {
  step: DraftStep;
  index: number;
  count: number;
  problems: DraftProblems;
  warnings: DraftProblems;
  page: StepPageMatches | null;
  onChange(step: DraftStep): void;
  onRemove(): void;
}

const MODES: StringMatching[] = ['exact', 'contains', 'regex'];
const KINDS: [StepKind, string][] = [['element', 'Element click ($autocapture)'], ['pageview', 'Page view ($pageview)'], ['event', 'Custom event']];
const FIELD_LABELS: Record<'selector' | MatchedFieldName, string> = { selector: 'selector', text: 'text', href: 'link', url: 'page URL' };

/** The matcher's own messages for one field, under it. */
export function Problems({ list, testid }: { list: string[] | undefined; testid?: string }) {
  if (!list?.length) return null;
  return <>{list.map((m) => <p key={m} class="lasso-field-error" role="alert" data-testid={testid}>{m}</p>)}</>;
}

/** One step: its kind, each condition with a tick and (text, link, URL) a matching mode, and property filters. */
export function StepEditor({ step, index, count, problems, warnings, page, onChange, onRemove }: Props) {
  const key = (f: string) => `steps.${index}.${f}`;
  const row = (name: 'selector' | MatchedFieldName) => {
    const f = step[name];
    const errors = problems.get(key(name));
    return (
      <>
        <div class="lasso-field" data-field={name} data-touch={key(name)}>
          <input type="checkbox" aria-label={`use ${FIELD_LABELS[name]}`} checked={f.enabled} onChange={(e) => onChange(updateField(step, name, { enabled: e.currentTarget.checked }))} />
          <label for={`lasso-step-${index}-${name}`}>{FIELD_LABELS[name]}</label>
          <input
            id={`lasso-step-${index}-${name}`}
            type="text"
            class="lasso-wide"
            data-testid={`step-${index}-${name}`}
            value={f.value}
            aria-invalid={errors ? 'true' : 'false'}
            onInput={(e) => onChange(updateField(step, name, { value: e.currentTarget.value, enabled: true }))}
          />
          {'matching' in f ? (
            <select aria-label={`${FIELD_LABELS[name]} matching`} value={f.matching} onChange={(e) => onChange(updateField(step, name, { matching: e.currentTarget.value as StringMatching }))}>
              {MODES.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          ) : <span />}
        </div>
        <Problems list={errors} testid={`error-${name}`} />
      </>
    );
  };
  const filter = (p: PropertyFilter, j: number) => (
    <>
      <div class="lasso-field lasso-filter" key={j} data-touch={`${key('properties')}.${j}`}>
        <select aria-label="filter type" value={p.type ?? 'event'} onChange={(e) => onChange(updateFilter(step, j, { type: e.currentTarget.value as PropertyFilter['type'] }))}>
          <option value="event">event</option>
          <option value="person">person</option>
          <option value="element">element</option>
        </select>
        <input type="text" aria-label="property" placeholder="property" value={p.key} onInput={(e) => onChange(updateFilter(step, j, { key: e.currentTarget.value }))} />
        <select aria-label="operator" value={p.operator ?? 'exact'} onChange={(e) => onChange(updateFilter(step, j, { operator: e.currentTarget.value as PropertyFilter['operator'] }))}>
          {OPERATORS.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        <span class="lasso-actions-row">
          <input type="text" aria-label="value" placeholder="value" value={String(p.value ?? '')} onInput={(e) => onChange(updateFilter(step, j, { value: e.currentTarget.value }))} />
          <button type="button" class="lasso-link" aria-label="remove filter" onClick={() => onChange(removeFilter(step, j))}>✕</button>
        </span>
      </div>
      <Problems list={problems.get(`${key('properties')}.${j}`)} />
    </>
  );

  return (
    <div class="lasso-step" data-testid={`step-${index}`}>
      <div class="lasso-step-head" data-touch={`steps.${index}`}>
        <b>{count > 1 ? `Step ${index + 1} (or)` : 'Step'}</b>
        <select aria-label={`step ${index + 1} kind`} value={step.kind} onChange={(e) => onChange(setStepKind(step, e.currentTarget.value as StepKind))}>
          {KINDS.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </select>
        {count > 1 && <button type="button" class="lasso-link" aria-label={`remove step ${index + 1}`} onClick={onRemove}>remove</button>}
      </div>
      {step.kind === 'event' && (
        <>
          <div class="lasso-field" data-touch={key('event')}>
            <span />
            <label for={`lasso-step-${index}-event`}>event</label>
            <input id={`lasso-step-${index}-event`} type="text" class="lasso-wide" data-testid={`step-${index}-event`} placeholder="any event" value={step.event} onInput={(e) => onChange({ ...step, event: e.currentTarget.value })} />
            <span />
          </div>
          <Problems list={problems.get(key('event'))} />
        </>
      )}
      {step.kind === 'element' && (<>{row('selector')}{row('text')}{row('href')}</>)}
      {step.kind === 'element' && (
        <label class="lasso-clicks-only" data-touch={`steps.${index}`}>
          <input type="checkbox" data-testid={`step-${index}-clicks-only`} checked={step.clicksOnly} onChange={(e) => onChange({ ...step, clicksOnly: e.currentTarget.checked })} />
          clicks only <span class="lasso-muted">— not a field's change or a form's submit ($event_type = click)</span>
        </label>
      )}
      {row('url')}
      {step.properties.map(filter)}
      <div class="lasso-actions-row">
        <button type="button" class="lasso-link" onClick={() => onChange(addFilter(step, 'event'))}>+ event property</button>
        <button type="button" class="lasso-link" onClick={() => onChange(addFilter(step, 'person'))}>+ person property</button>
        <button type="button" class="lasso-link" onClick={() => onChange(addFilter(step, 'element'))}>+ element filter</button>
      </div>
      <Problems list={problems.get(`steps.${index}`)} />
      {warnings.get(`steps.${index}`)?.map((w) => <p key={w} class="lasso-warn">{w}</p>)}
      {page && (count > 1 || page.count === 0 || page.notElementStep) && (
        <p class={`lasso-page-count${page.count === 0 && !page.notElementStep ? ' lasso-zero' : ''}`} data-testid={`step-${index}-page-count`}>
          {page.notElementStep ? 'Not an element click: nothing on the page to outline.' : page.count === 0 ? 'Matches nothing on this page.' : `${page.count} element${page.count === 1 ? '' : 's'} on this page`}
        </p>
      )}
    </div>
  );
}
