// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/actions/compile';
import type { ActionStep, PropertyFilter, StoredAction } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { CLICKS_ONLY_FILTER, draftFromAction, draftToAction, emptyDraft, isClicksOnlyFilter } from '../../src/toolbar/draft/convert';
import { draftProblems } from '../../src/toolbar/draft/problems';
import { toDraft } from '../../src/toolbar/draft/revive';
import { blankStep, setStepKind } from '../../src/toolbar/draft/steps';
import { forgetStep, touch, touchAll, untouched, visibleProblems, type Touched } from '../../src/toolbar/draft/touched';
import type { DraftProblems, DraftStep } from '../../src/toolbar/draft/types';

const stored = (steps: ActionStep[]): StoredAction => ({
  id: 'a1', site: 'shop.test', name: 'Toggled', description: '', tags: [], steps,
  created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z',
});
const clicksOnly: PropertyFilter = { key: '$event_type', value: 'click', operator: 'exact', type: 'event' };
const element = (patch: Partial<DraftStep> = {}): DraftStep => ({ ...blankStep('element', '$autocapture'), ...patch });

describe('"clicks only"', () => {
  it('is PostHog\'s $event_type = click event filter', () => {
    expect(CLICKS_ONLY_FILTER).toEqual(clicksOnly);
  });

  it.each<[string, PropertyFilter, boolean]>([
    ['the filter as PostHog writes it', clicksOnly, true],
    ['operator and type left to their defaults', { key: '$event_type', value: 'click' }, true],
    ['a one-value list', { ...clicksOnly, value: ['click'] }, true],
    ['another type', { ...clicksOnly, value: 'change' }, false],
    ['two values', { ...clicksOnly, value: ['click', 'submit'] }, false],
    ['another operator', { ...clicksOnly, operator: 'is_not' }, false],
    ['a person property', { ...clicksOnly, type: 'person' }, false],
    ['another key', { ...clicksOnly, key: '$event' }, false],
  ])('isClicksOnlyFilter: %s → %s', (_name, f, want) => expect(isClicksOnlyFilter(f)).toBe(want));

  it.each<[string, ActionStep[]]>([
    ['element step with a selector', [{ event: '$autocapture', selector: 'input.toggle', properties: [clicksOnly] }]],
    ['after other filters, in a second step', [
      { event: '$pageview', url: '/todos', url_matching: 'contains' },
      { event: '$autocapture', selector: 'li input', properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }, clicksOnly] },
    ]],
  ])('round trip ticked: %s', (_name, steps) => {
    const draft = draftFromAction(stored(steps));
    const i = steps.length - 1;
    expect(draft.steps[i].clicksOnly).toBe(true);
    expect(draft.steps[i].properties.some(isClicksOnlyFilter)).toBe(false); // a tick, not a filter row too
    expect(draftToAction(draft).steps).toEqual(steps);
    expect(toDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft); // kept across a reload
  });

  it('is off for a step without the filter, and ticking it adds exactly the filter', () => {
    const draft = draftFromAction(stored([{ event: '$autocapture', selector: 'input.toggle' }]));
    expect(draft.steps[0].clicksOnly).toBe(false);
    const ticked = { ...draft, steps: [{ ...draft.steps[0], clicksOnly: true }] };
    expect(draftToAction(ticked).steps).toEqual([{ event: '$autocapture', selector: 'input.toggle', properties: [clicksOnly] }]);
  });

  it('belongs to element steps: a page view keeps the tick unsaved, switching back restores it', () => {
    const step = element({ clicksOnly: true });
    const pageview = setStepKind(step, 'pageview');
    expect(draftToAction({ ...emptyDraft('s'), steps: [pageview] }).steps[0].properties).toBeUndefined();
    expect(draftToAction({ ...emptyDraft('s'), steps: [setStepKind(pageview, 'element')] }).steps[0].properties).toEqual([clicksOnly]);
  });

  it.each([
    ['click', true],
    ['change', false],
    ['submit', false],
  ])('the saved step matches a checkbox %s: %s', (type, want) => {
    const action = draftToAction({ ...emptyDraft('s'), steps: [element({ selector: { enabled: true, value: 'input' }, clicksOnly: true })] });
    const event: CaptureEvent = { uuid: 'u', event: '$autocapture', distinct_id: 'd', timestamp: '2026-01-01T00:00:00Z', properties: { $event_type: type as 'click', $elements_chain: 'input:nth-child="1"nth-of-type="1"' } };
    expect(compileAction(action).matches(event)).toBe(want);
  });
});

describe('touched fields', () => {
  const problems: DraftProblems = new Map([
    ['name', ['a name is required']],
    ['steps.0', ['step problem']],
    ['steps.0.selector', ['bad selector']],
    ['steps.1.url', ['bad url']],
  ]);
  const at = (...keys: string[]): Touched => keys.reduce(touch, untouched());

  it.each<[string, Touched, DraftProblems, string[]]>([
    ['nothing touched: nothing shows', untouched(), new Map(), []],
    ['a touched field shows its own problem', at('name'), new Map(), ['name']],
    ['a field inside a step shows the step\'s own problem too', at('steps.0.selector'), new Map(), ['steps.0', 'steps.0.selector']],
    ['a Save attempt shows every problem', touchAll(at('name')), new Map(), ['name', 'steps.0', 'steps.0.selector', 'steps.1.url']],
    ['problems from the server always show', untouched(), new Map([['name', ['taken']], ['site', ['bad site']]]), ['name', 'site']],
  ])('%s', (_name, t, server, keys) => {
    expect([...visibleProblems(problems, t, server).keys()].sort()).toEqual(keys);
  });

  it('a server problem on a field shows the local messages of that field with it', () => {
    expect(visibleProblems(problems, untouched(), new Map([['name', ['taken']]])).get('name')).toEqual(['a name is required']);
  });

  it('touching twice returns the same state; touchAll keeps it once all', () => {
    const t = at('name');
    expect(touch(t, 'name')).toBe(t);
    const all = touchAll(t);
    expect(touchAll(all)).toBe(all);
    expect(touch(all, 'steps.0.url')).toBe(all);
  });

  it.each<[string, string[], number, string[]]>([
    ['the removed step is forgotten, later ones move up', ['name', 'steps.0.url', 'steps.1.selector', 'steps.2.properties.1'], 1, ['name', 'steps.0.url', 'steps.1.properties.1']],
    ['removing the last step keeps earlier ones', ['steps.0.text', 'steps.1'], 1, ['steps.0.text']],
  ])('forgetStep: %s', (_name, keys, removed, want) => {
    expect([...forgetStep(at(...keys), removed).keys].sort()).toEqual(want.sort());
  });

  it('a fresh new action has problems but shows none until touched or saved', () => {
    const fresh = { ...emptyDraft('shop.test'), steps: [element({ selector: { enabled: true, value: '' } })] };
    const all = draftProblems(fresh, { requireName: true });
    expect(all.size).toBeGreaterThan(0);
    expect(visibleProblems(all, untouched()).size).toBe(0);
    expect(visibleProblems(all, touch(untouched(), 'name')).has('name')).toBe(true);
    expect([...visibleProblems(all, touchAll(untouched())).keys()]).toEqual([...all.keys()]);
  });
});
