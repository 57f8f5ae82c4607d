// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/actions/compile';
import type { ActionStep, StoredAction } from '../../src/actions/types';
import { serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent, ChainElement } from '../../src/events/types';
import { draftFromAction, draftStepFromAction, draftToAction, duplicateDraft, emptyDraft } from '../../src/toolbar/draft/convert';
import {
  addFilter, addStep, moveStep, parseTags, removeFilter, removeStep, setTags, tagsText, updateField, updateFilter, updateStep,
} from '../../src/toolbar/draft/edit';
import { explainLines } from '../../src/toolbar/draft/explain';
import { canSave, draftKey, draftProblems, draftWarnings, problemsFromSave } from '../../src/toolbar/draft/problems';
import { toDraft } from '../../src/toolbar/draft/revive';
import { blankStep, eventStep, kindOfEvent, pageviewStep, setStepKind } from '../../src/toolbar/draft/steps';
import type { Draft, DraftStep } from '../../src/toolbar/draft/types';

const stored = (steps: ActionStep[], extra: Partial<StoredAction> = {}): StoredAction => ({
  id: 'a1', site: 'shop.example.com', name: 'Clicked buy', description: '', tags: [], steps,
  created_at: '2024-05-01T00:00:00.000Z', updated_at: '2024-05-01T00:00:00.000Z', ...extra,
});
const definition = (a: StoredAction) => ({ id: a.id, site: a.site, name: a.name, description: a.description, tags: a.tags, steps: a.steps });
const draftWith = (steps: DraftStep[], extra: Partial<Draft> = {}): Draft => ({ ...emptyDraft('shop.example.com'), name: 'A', steps, ...extra });
const elementStep = (patch: Partial<DraftStep> = {}): DraftStep => ({ ...blankStep('element', '$autocapture'), ...patch });

describe('round trip: draftToAction(draftFromAction(a)) is a\'s definition (canonical actions)', () => {
  it.each<[string, StoredAction]>([
    ['element step, every field with its mode', stored([{ event: '$autocapture', selector: '[data-attr="buy"]', text: 'Buy', text_matching: 'exact', href: '/buy', href_matching: 'contains', url: 'https://shop.example.com/p/%', url_matching: 'contains' }])],
    ['pageview with a regex url', stored([{ event: '$pageview', url: '^https://shop\\.example\\.com/pricing$', url_matching: 'regex' }])],
    ['custom event with event / person / element filters', stored([{ event: 'signed_up', properties: [
      { key: 'plan', value: 'pro', operator: 'exact', type: 'event' },
      { key: 'email', value: '@example.com', operator: 'icontains', type: 'person' },
      { key: 'selector', value: 'button.buy', operator: 'exact', type: 'element' },
    ] }])],
    ['any event with a url only', stored([{ url: '/checkout', url_matching: 'exact' }])],
    ['legacy tag_name', stored([{ event: '$autocapture', tag_name: 'button', text: 'Save', text_matching: 'regex' }])],
    ['list values and is_set', stored([{ event: '$autocapture', properties: [
      { key: 'plan', value: ['pro', 'team'], operator: 'is_not', type: 'event' },
      { key: 'utm_source', operator: 'is_set', type: 'event' },
      { key: 'age', value: 30, operator: 'gte', type: 'person' },
    ] }])],
    ['two steps, description and tags', stored([
      { event: '$autocapture', selector: '#buy' },
      { event: '$pageview', url: '/thanks', url_matching: 'contains' },
    ], { description: 'Buy clicks or thank-you views', tags: ['checkout', 'funnel'] })],
  ])('%s', (_, action) => {
    expect(draftToAction(draftFromAction(action))).toEqual(definition(action));
  });
});

describe('draftFromAction then draftToAction writes the canonical form', () => {
  it.each<[string, ActionStep, ActionStep]>([
    ['url without a mode gets the spec default contains', { event: '$pageview', url: '/pricing' }, { event: '$pageview', url: '/pricing', url_matching: 'contains' }],
    ['text / href without a mode get exact', { text: 'Buy', href: '/b' }, { text: 'Buy', text_matching: 'exact', href: '/b', href_matching: 'exact' }],
    ['null and empty fields set nothing', { event: null, selector: '', text: null, url: '', tag_name: null, properties: null }, {}],
    ['an empty filter list is dropped', { event: '$autocapture', selector: 'a', properties: [] }, { event: '$autocapture', selector: 'a' }],
    ['filter defaults are written', { event: 'x', properties: [{ key: 'k', value: 1 }] }, { event: 'x', properties: [{ key: 'k', value: 1, operator: 'exact', type: 'event' }] }],
    ['a mode without its value is dropped', { event: 'x', url_matching: 'regex', text_matching: 'contains' }, { event: 'x' }],
  ])('%s', (_, step, expected) => {
    expect(draftToAction(draftFromAction(stored([step]))).steps).toEqual([expected]);
  });

  it('missing description and tags become empty ones', () => {
    const a = { ...stored([{ event: 'x' }]) } as Partial<StoredAction>;
    delete a.description;
    delete a.tags;
    expect(draftToAction(draftFromAction(a as StoredAction))).toMatchObject({ description: '', tags: [] });
  });
});

describe('draftStepFromAction', () => {
  it.each<[ActionStep, DraftStep['kind']]>([
    [{ event: '$autocapture', selector: 'a' }, 'element'],
    [{ event: '$autocapture' }, 'element'],
    [{ event: '$pageview' }, 'pageview'],
    [{ event: 'signed_up' }, 'event'],
    [{ url: '/x' }, 'event'],
    [{ selector: 'button' }, 'element'],
    [{ properties: [{ key: 'text', value: 'Hi', type: 'element' }] }, 'element'],
  ])('%j is a %s step', (step, kind) => {
    expect(draftStepFromAction(step).kind).toBe(kind);
  });

  it('ticks set fields and leaves unset ones empty and off, url defaulting to contains', () => {
    const s = draftStepFromAction({ event: '$autocapture', selector: '#a', text: 'Go', text_matching: 'contains' });
    expect(s.selector).toEqual({ enabled: true, value: '#a' });
    expect(s.text).toEqual({ enabled: true, value: 'Go', matching: 'contains' });
    expect(s.href).toEqual({ enabled: false, value: '', matching: 'exact' });
    expect(s.url).toEqual({ enabled: false, value: '', matching: 'contains' });
    expect(s.tagName).toEqual({ enabled: false, value: '' });
  });
});

describe('draftToAction', () => {
  const step = elementStep({
    selector: { enabled: false, value: '#buy' },
    text: { enabled: true, value: 'Buy', matching: 'contains' },
    href: { enabled: false, value: '/buy', matching: 'regex' },
    url: { enabled: true, value: '', matching: 'exact' },
  });

  it('leaves out ticked-off fields and their modes, and ticked but empty ones', () => {
    expect(draftToAction(draftWith([step])).steps).toEqual([{ event: '$autocapture', text: 'Buy', text_matching: 'contains' }]);
  });

  it('keeps id and site, trims the name', () => {
    expect(draftToAction({ ...draftWith([step]), id: 'x1', name: '  Buy  ' })).toMatchObject({ id: 'x1', site: 'shop.example.com', name: 'Buy' });
    expect('id' in draftToAction(draftWith([step]))).toBe(false);
  });

  it('does not write a leftover value for is_set / is_not_set', () => {
    const s = { ...eventStep('x'), properties: [{ key: 'k', value: 'old', operator: 'is_not_set' as const, type: 'event' as const }] };
    expect(draftToAction(draftWith([s])).steps[0].properties).toEqual([{ key: 'k', operator: 'is_not_set', type: 'event' }]);
  });
});

describe('duplicateDraft', () => {
  it('drops the id, names the copy and shares nothing with the original', () => {
    const original = draftFromAction(stored([{ event: '$autocapture', selector: '#a', properties: [{ key: 'k', value: 'v' }] }], { tags: ['t'] }));
    const copy = duplicateDraft(original);
    expect(copy.id).toBeUndefined();
    expect(copy.name).toBe('Clicked buy (copy)');
    expect(copy.steps).toEqual(original.steps);
    copy.steps[0].properties[0].key = 'changed';
    copy.tags.push('u');
    expect(original.steps[0].properties[0].key).toBe('k');
    expect(original.tags).toEqual(['t']);
  });
});

describe('new steps', () => {
  it('pageviewStep ticks the url, contains by default', () => {
    expect(pageviewStep('/pricing')).toMatchObject({ kind: 'pageview', event: '$pageview', url: { enabled: true, value: '/pricing', matching: 'contains' } });
    expect(pageviewStep('^/p$', 'regex').url.matching).toBe('regex');
    expect(pageviewStep('').url.enabled).toBe(false);
  });

  it('eventStep names the event and sets nothing else', () => {
    expect(draftStepToActionOf(eventStep('signed_up'))).toEqual({ event: 'signed_up' });
  });

  it.each<[string, boolean, DraftStep['kind']]>([
    ['$autocapture', false, 'element'], ['$pageview', false, 'pageview'], ['x', true, 'event'], ['', true, 'element'], ['', false, 'event'],
  ])('kindOfEvent(%j, %s) = %s', (event, hasElement, kind) => {
    expect(kindOfEvent(event, hasElement)).toBe(kind);
  });

  const full = elementStep({ selector: { enabled: true, value: '#a' }, text: { enabled: true, value: 'Go', matching: 'exact' }, url: { enabled: true, value: '/x', matching: 'exact' } });
  it.each<[string, DraftStep, DraftStep['kind'], string, boolean]>([
    ['element → pageview', full, 'pageview', '$pageview', false],
    ['element → event', full, 'event', '', false],
    ['custom event → element', eventStep('signed_up'), 'element', '$autocapture', false],
    ['custom event → pageview', eventStep('signed_up'), 'pageview', '$pageview', false],
    ['pageview → event', pageviewStep('/p'), 'event', '', false],
  ])('setStepKind %s', (_, step, kind, event, selectorOn) => {
    const next = setStepKind(step, kind);
    expect(next).toMatchObject({ kind, event });
    expect(next.selector.enabled).toBe(selectorOn);
    expect(next.url).toEqual(step.url); // the url applies to every kind
    expect(next.selector.value).toBe(step.selector.value); // kept for switching back
  });

  it('setStepKind keeps a custom name when moving between event-like kinds, and restores element fields by value', () => {
    const custom = { ...eventStep('signed_up'), kind: 'event' as const };
    expect(setStepKind(setStepKind(custom, 'element'), 'event').event).toBe('');
    expect(setStepKind(full, 'element')).toBe(full);
  });
});

function draftStepToActionOf(step: DraftStep): ActionStep {
  return draftToAction(draftWith([step])).steps[0];
}

describe('draftKey maps stored-shape paths to draft keys', () => {
  it.each([
    ['name', 'name', ''], ['steps', 'steps', ''], ['', '', ''], ['site', 'site', ''],
    ['steps[0]', 'steps.0', ''], ['steps[0].selector', 'steps.0.selector', ''], ['steps[2].event', 'steps.2.event', ''],
    ['steps[0].text_matching', 'steps.0.text', ''], ['steps[1].url_matching', 'steps.1.url', ''], ['steps[0].href', 'steps.0.href', ''],
    ['steps[0].tag_name', 'steps.0.tagName', ''], ['steps[0].properties', 'steps.0.properties', ''],
    ['steps[1].properties[2]', 'steps.1.properties.2', ''], ['steps[1].properties[2].value', 'steps.1.properties.2', 'value'],
    ['steps[1].properties[2].value[1]', 'steps.1.properties.2', 'value[1]'], ['steps[0].key', 'steps.0', 'key'],
  ])('%j → %j', (path, key, rest) => {
    expect(draftKey(path)).toEqual({ key, rest });
  });
});

describe('draftProblems', () => {
  const sel = (value: string, enabled = true) => elementStep({ selector: { enabled, value } });
  const cases: [string, Draft, Record<string, RegExp>][] = [
    ['a valid draft', draftWith([sel('#buy')]), {}],
    ['no steps', draftWith([]), { steps: /no steps/ }],
    ['an unsupported selector, under the selector', draftWith([sel('#a'), sel('a + b')]), { 'steps.1.selector': /\+/ }],
    ['a ticked-off bad selector is no problem', draftWith([sel('a + b', false), sel('#ok')]), {}],
    ['a regex RE2 rejects, under the text', draftWith([elementStep({ text: { enabled: true, value: '(?=x)', matching: 'regex' } })]), { 'steps.0.text': /./ }],
    ['a bad url regex, under the url', draftWith([pageviewStep('(', 'regex')]), { 'steps.0.url': /./ }],
    ['a filter without key, under the filter, naming the part', draftWith([sel('#a'), addFilter(eventStep('x'))]), { 'steps.1.properties.0': /^key: the property key must be a non-empty string$/ }],
    ['a non-numeric gt value', draftWith([{ ...eventStep('x'), properties: [{ key: 'n', value: 'abc', operator: 'gt', type: 'event' }] }]), { 'steps.0.properties.0': /^value: .*not a number/ }],
    ['an element filter with a bad key', draftWith([{ ...eventStep('x'), properties: [{ key: 'foo', value: 'a', operator: 'exact', type: 'element' }] }]), { 'steps.0.properties.0': /^key: element filters take key/ }],
    ['a ticked but empty field', draftWith([elementStep({ selector: { enabled: true, value: '#a' }, href: { enabled: true, value: ' ', matching: 'exact' } })]), { 'steps.0.href': /ticked but empty/ }],
    ['a ticked but empty legacy tag', draftWith([elementStep({ tagName: { enabled: true, value: '' } })]), { 'steps.0.tagName': /ticked but empty/ }],
  ];
  it.each(cases)('%s', (_, draft, expected) => {
    const problems = draftProblems(draft);
    expect([...problems.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [key, re] of Object.entries(expected)) expect(problems.get(key)?.[0]).toMatch(re);
  });

  it('messages lose the stored-shape path prefix', () => {
    const [message] = draftProblems(draftWith([sel('a + b')])).get('steps.0.selector') ?? [];
    expect(message).not.toMatch(/^steps\[/);
  });

  it.each([['', true], ['   ', true], ['Buy', false]])('name %j: reported only when required (%s)', (name, reported) => {
    const draft = draftWith([sel('#a')], { name });
    expect(draftProblems(draft).has('name')).toBe(false);
    expect(draftProblems(draft, { requireName: true }).has('name')).toBe(reported);
    expect(canSave(draft)).toBe(!reported);
  });

  it.each<[string, boolean, Draft]>([
    ['valid', true, draftWith([sel('#a')])],
    ['no steps', false, draftWith([])],
    ['bad selector', false, draftWith([sel(':hover')])],
    ['empty filter', false, draftWith([addFilter(sel('#a'), 'person')])],
  ])('canSave: %s → %s', (_, ok, draft) => {
    expect(canSave(draft)).toBe(ok);
  });
});

describe('problemsFromSave', () => {
  it('keys save problems like draftProblems and strips their path prefix', () => {
    const problems = problemsFromSave([
      { path: 'name', message: 'name: "Buy" is already an action on shop.example.com; choose another name' },
      { path: 'steps[1].selector', message: 'steps[1].selector: unsupported' },
      { path: 'steps[0].properties[3].value', message: 'steps[0].properties[3].value: bad' },
      { path: 'site', message: 'site: expected a host name' },
      { path: 'steps[1].selector', message: 'no prefix here' },
    ]);
    expect(Object.fromEntries(problems)).toEqual({
      name: ['"Buy" is already an action on shop.example.com; choose another name'],
      'steps.1.selector': ['unsupported', 'no prefix here'],
      'steps.0.properties.3': ['value: bad'],
      site: ['expected a host name'],
    });
  });
});

describe('draftWarnings', () => {
  it.each<[string, DraftStep, RegExp | null]>([
    ['a step without any condition', eventStep(''), /matches every event/],
    ['an element step with only a url', elementStep({ url: { enabled: true, value: '/x', matching: 'exact' } }), /matches every click/],
    ['an element step with a selector', elementStep({ selector: { enabled: true, value: '#a' } }), null],
    ['an element step with an element filter', { ...elementStep(), properties: [{ key: 'text', value: 'Hi', operator: 'exact', type: 'element' }] }, null],
    ['a custom event', eventStep('signed_up'), null],
  ])('%s', (_, step, expected) => {
    const warning = draftWarnings(draftWith([step])).get('steps.0')?.[0];
    if (expected) expect(warning).toMatch(expected);
    else expect(warning).toBeUndefined();
  });
});

describe('edits are immutable', () => {
  const base = draftWith([eventStep('a'), eventStep('b'), eventStep('c')]);
  const events = (d: Draft) => d.steps.map((s) => s.event);

  it('updateStep applies a patch or a function; out of range changes nothing', () => {
    const a = updateStep(base, 1, { event: 'B' });
    const b = updateStep(base, 2, (s) => addFilter(s, 'event'));
    expect(events(a)).toEqual(['a', 'B', 'c']);
    expect(b.steps[2].properties).toHaveLength(1);
    expect(events(base)).toEqual(['a', 'b', 'c']);
    expect(updateStep(base, 3, { event: 'x' })).toBe(base);
    expect(updateStep(base, -1, { event: 'x' })).toBe(base);
  });

  it('updateField ticks, retypes and changes the mode without touching other fields', () => {
    const s = elementStep({ text: { enabled: false, value: 'Buy', matching: 'exact' } });
    const on = updateField(s, 'text', { enabled: true });
    expect(on.text).toEqual({ enabled: true, value: 'Buy', matching: 'exact' });
    expect(updateField(on, 'text', { matching: 'regex' }).text.matching).toBe('regex');
    expect(updateField(s, 'selector', { value: '#x', matching: 'regex' }).selector).toEqual({ enabled: false, value: '#x' });
    expect(s.text.enabled).toBe(false);
  });

  it.each([
    [0, 2, ['b', 'c', 'a']], [2, 0, ['c', 'a', 'b']], [1, 1, ['a', 'b', 'c']], [0, 3, ['a', 'b', 'c']], [-1, 0, ['a', 'b', 'c']],
  ])('moveStep(%i → %i)', (from, to, expected) => {
    expect(events(moveStep(base, from, to))).toEqual(expected);
    expect(events(base)).toEqual(['a', 'b', 'c']);
  });

  it.each([[0, ['b', 'c']], [2, ['a', 'b']], [5, ['a', 'b', 'c']]])('removeStep(%i)', (i, expected) => {
    expect(events(removeStep(base, i))).toEqual(expected);
  });

  it('addStep appends', () => {
    expect(events(addStep(base, eventStep('d')))).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each<['event' | 'person' | 'element', string]>([['event', ''], ['person', ''], ['element', 'selector']])('addFilter(%s) starts with key %j', (type, key) => {
    expect(addFilter(eventStep('x'), type).properties).toEqual([{ key, value: '', operator: 'exact', type }]);
  });

  it('updateFilter / removeFilter', () => {
    const s = addFilter(addFilter(eventStep('x'), 'event'), 'person');
    const keyed = updateFilter(s, 0, { key: 'plan', value: 'pro' });
    expect(keyed.properties[0]).toEqual({ key: 'plan', value: 'pro', operator: 'exact', type: 'event' });
    expect(updateFilter(keyed, 0, { type: 'element' }).properties[0].key).toBe('selector');
    expect(updateFilter(updateFilter(keyed, 0, { key: 'href' }), 0, { type: 'element' }).properties[0].key).toBe('href');
    expect(updateFilter(s, 5, { key: 'x' })).toBe(s);
    expect(removeFilter(keyed, 0).properties.map((p) => p.type)).toEqual(['person']);
    expect(s.properties[0].key).toBe('');
  });
});

describe('tags', () => {
  it.each([
    ['a, b ,c', ['a', 'b', 'c']], ['  ', []], ['a,,a, b, a', ['a', 'b']], ['Signup, signup', ['Signup', 'signup']], ['one tag', ['one tag']], ['x, ', ['x']],
  ])('parseTags(%j)', (text, tags) => {
    expect(parseTags(text)).toEqual(tags);
  });

  it('setTags / tagsText', () => {
    const d = setTags(emptyDraft('s'), 'b, a, b');
    expect(d.tags).toEqual(['b', 'a']);
    expect(tagsText(d.tags)).toBe('b, a');
  });
});

describe('toDraft revives a stored draft', () => {
  const good = draftWith([pageviewStep('/p'), addFilter(eventStep('x'), 'person')], { id: 'i', tags: ['t'], description: 'd' });

  it('a JSON copy of a draft comes back equal', () => {
    expect(toDraft(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it.each<[string, unknown]>([
    ['null', null], ['an array', []], ['no site', { steps: [] }], ['steps not a list', { site: 's', steps: {} }],
    ['a step of unknown kind', { site: 's', steps: [{ kind: 'magic' }] }], ['a step that is not an object', { site: 's', steps: [1] }],
  ])('%s → null', (_, x) => {
    expect(toDraft(x)).toBeNull();
  });

  it('resets wrong-typed parts', () => {
    const d = toDraft({ site: 's', name: 3, tags: ['a', 2], steps: [{ kind: 'element', event: '$autocapture', text: { enabled: 'yes', value: 5, matching: 'fuzzy' }, properties: [1, { key: 'k' }] }] });
    expect(d).toMatchObject({ name: '', tags: ['a'] });
    expect(d?.steps[0].text).toEqual({ enabled: false, value: '', matching: 'exact' });
    expect(d?.steps[0].url).toEqual({ enabled: false, value: '', matching: 'contains' });
    expect(d?.steps[0].properties).toEqual([{ key: 'k' }]);
  });
});

describe('explainLines', () => {
  const button: ChainElement = { tag_name: 'button', attr_class: ['buy'], nth_child: 1, nth_of_type: 1, attributes: { 'attr__data-attr': 'buy', attr__class: 'buy' }, text: 'Buy' };
  const body: ChainElement = { tag_name: 'body', attr_class: [], nth_child: 2, nth_of_type: 1, attributes: {} };
  const click: CaptureEvent = {
    uuid: 'u', event: '$autocapture', distinct_id: 'd', timestamp: '2024-05-01T00:00:00Z',
    properties: { $current_url: 'https://shop.example.com/cart', $elements_chain: serializeElementsChain([button, body]), plan: 'free' },
  };
  const lines = (steps: ActionStep[]) => explainLines(compileAction({ steps }).explain(click));

  it.each<[string, ActionStep, boolean, RegExp]>([
    ['a matched step lists its conditions', { event: '$autocapture', selector: '[data-attr="buy"]', text: 'Buy' }, true, /^Step 1 matched: event, selector, text$/],
    ['a failed selector says why', { event: '$autocapture', selector: '#nope' }, false, /^Step 1 failed — selector: no element of the chain matches `#nope`$/],
    ['only failed conditions are listed', { event: '$autocapture', url: '/pricing', text: 'Sell' }, false, /^Step 1 failed — url: .*does not contain '\/pricing'; text: .*Buy.*$/],
    ['a failed filter is named by its number', { event: '$autocapture', properties: [{ key: 'plan', value: 'pro' }] }, false, /^Step 1 failed — filter 1: event property 'plan' is 'free', which fails "equals 'pro'"$/],
    ['a step without conditions', {}, true, /^Step 1 matched: it sets no condition$/],
    ['a wrong event', { event: '$pageview' }, false, /^Step 1 failed — event: event '\$autocapture' ≠ '\$pageview'$/],
  ])('%s', (_, step, matched, re) => {
    const [line] = lines([step]);
    expect(line.matched).toBe(matched);
    expect(line.text).toMatch(re);
  });

  it('one line per step, numbered from 1', () => {
    expect(lines([{ event: '$pageview' }, { event: '$autocapture' }]).map((l) => [l.step, l.matched, l.text.slice(0, 6)])).toEqual([[0, false, 'Step 1'], [1, true, 'Step 2']]);
  });
});
