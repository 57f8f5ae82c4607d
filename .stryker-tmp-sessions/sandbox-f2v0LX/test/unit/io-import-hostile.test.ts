// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { exportActions, LIMITS, parseImport } from '../../src/actions/io';
import { importOpts, NOW, sampleStore, stored } from '../fixtures/actions/helpers';

type Json = Record<string, unknown> & { actions: Array<Record<string, unknown> & { steps: Array<Record<string, unknown>> }> };

/** A valid Lasso export of four actions, as a mutable object. */
function validFile(): Json {
  const store = [...sampleStore(), stored({ name: 'Zed', steps: [{ event: '$autocapture', selector: 'a.z', url: '/z' }] })];
  return JSON.parse(exportActions(store, { now: NOW }));
}

const polluted = () => ({} as Record<string, unknown>).polluted;

describe('parseImport: malformed JSON names the line and column', () => {
  it.each([
    ['trailing comma', '{"actions": [1,]}', 'line 1, column 16 (position 15): unexpected "]" where a value was expected'],
    ['unclosed array', '{\n  "name": "x",\n  "steps": [\n}', 'line 4, column 1 (position 30): unexpected "}" where a value was expected'],
    ['single quotes', "{'name': 'x'}", 'line 1, column 2 (position 1): expected a property name in double quotes, found "\'"'],
    ['empty file', '', 'line 1, column 1 (position 0): unexpected end of file'],
    ['truncated', '[{"name": "x"}', 'line 1, column 15 (position 14): unexpected end of file'],
    ['unterminated string', '{"name": "unterminated}', 'line 1, column 10 (position 9): string is never closed'],
    ['text after the value', '{"a": 1} x', 'line 1, column 10 (position 9): unexpected "x" after the end of the JSON value'],
    ['NaN', '{"a": NaN}', 'line 1, column 7 (position 6): unexpected "N" where a value was expected'],
    ['raw line break in a string', '{"a": "line\nbreak"}', 'line 1, column 12 (position 11): control character (such as a line break) inside a string'],
    ['bad escape', '{"a": "\\x41"}', 'line 1, column 8 (position 7): invalid escape sequence in a string'],
    ['missing colon', '{"a" 1}', 'line 1, column 6 (position 5): expected \':\' after the property name, found "1"'],
    ['missing comma', '[1 2]', 'line 1, column 4 (position 3): expected \',\' or \']\', found "2"'],
  ])('%s', (_name, text, where) => {
    const plan = parseImport(text, [], importOpts());
    expect(plan).toMatchObject({ ok: false, actions: [] });
    expect(plan.error).toBe(`invalid JSON at ${where}`);
  });
});

describe('parseImport: deep nesting cannot overflow the stack', () => {
  const depth = 200_000;
  it('well-formed: the nested item is rejected as not an action', () => {
    const plan = parseImport(`[${'['.repeat(depth)}${']'.repeat(depth)}]`, [], importOpts());
    expect(plan.actions[0]).toMatchObject({ status: 'rejected', reason: '[0]: expected an action object, found an array' });
  });
  it('malformed: the error is still located', () => {
    const plan = parseImport('['.repeat(depth), [], importOpts());
    expect(plan.error).toBe(`invalid JSON at line 1, column ${depth + 1} (position ${depth}): unexpected end of file`);
  });
});

describe('parseImport: files of the wrong shape are refused whole', () => {
  it.each([
    ['null', 'null', 'expected a JSON object or array of actions, found null'],
    ['a number', '42', 'expected a JSON object or array of actions, found number'],
    ['an unrelated object', '{"hello": "world"}', 'not an action file'],
    ['another format', '{"format": "posthog-insights", "actions": []}', 'format: unknown format "posthog-insights"'],
    ['a newer version', '{"format": "lasso-actions", "version": 2, "actions": []}', 'version: unsupported version 2'],
    ['actions not a list', '{"format": "lasso-actions", "version": 1, "actions": {}}', 'actions: expected an array of actions'],
    ['results not a list', '{"results": "none"}', 'results: expected an array of actions'],
  ])('%s', (_name, text, message) => {
    const plan = parseImport(text, [], importOpts());
    expect(plan).toMatchObject({ ok: false, actions: [] });
    expect(plan.error).toContain(message);
  });
});

describe('parseImport: wrong types are rejected with the path into the file', () => {
  it.each<[string, (f: Json) => void, string]>([
    ['name a number', (f) => { f.actions[3].name = 7; }, 'actions[3].name: expected a string, found a number'],
    ['name missing', (f) => { delete f.actions[3].name; }, 'actions[3].name: missing; every action needs a name'],
    ['name blank', (f) => { f.actions[3].name = '  '; }, 'actions[3].name: is blank; every action needs a name'],
    ['description an object', (f) => { f.actions[3].description = {}; }, 'actions[3].description: expected a string, found an object'],
    ['tags a string', (f) => { f.actions[3].tags = 'a,b'; }, 'actions[3].tags: expected an array of strings, found a string'],
    ['a tag a number', (f) => { f.actions[3].tags = ['ok', 5]; }, 'actions[3].tags[1]: expected a string, found a number'],
    ['steps an object', (f) => { f.actions[3].steps = {} as never; }, 'actions[3].steps: expected an array, found an object'],
    ['steps empty', (f) => { f.actions[3].steps = []; }, 'actions[3].steps: is empty; an action needs at least one step'],
    ['a step a string', (f) => { f.actions[3].steps = ['click'] as never; }, 'actions[3].steps[0]: expected a step object, found a string'],
    ['selector a number', (f) => { f.actions[3].steps[0].selector = 1; }, 'actions[3].steps[0].selector: expected a string or null, found a number'],
    ['url an array', (f) => { f.actions[3].steps[0].url = ['/a']; }, 'actions[3].steps[0].url: expected a string or null, found an array'],
    ['unknown url_matching', (f) => { f.actions[3].steps[0].url_matching = 'fuzzy'; }, 'actions[3].steps[0].url_matching: unknown matching mode "fuzzy"; expected exact, contains or regex'],
    ['unknown text_matching', (f) => { f.actions[3].steps[0].text_matching = 'startswith'; }, 'actions[3].steps[0].text_matching: unknown matching mode "startswith"'],
    ['numeric href_matching', (f) => { f.actions[3].steps[0].href_matching = 1; }, 'actions[3].steps[0].href_matching: unknown matching mode 1'],
    ['misspelt step field', (f) => { f.actions[3].steps[0].url_match = 'exact'; }, 'actions[3].steps[0].url_match: unknown step field'],
    ['properties an object', (f) => { f.actions[3].steps[0].properties = { plan: 'pro' }; }, 'actions[3].steps[0].properties: expected an array, found an object'],
    ['a filter without key', (f) => { f.actions[3].steps[0].properties = [{ value: 'x' }]; }, 'actions[3].steps[0].properties[0].key: expected a non-empty string, found a undefined'],
    ['unknown operator', (f) => { f.actions[3].steps[0].properties = [{ key: 'k', operator: 'between' }]; }, 'actions[3].steps[0].properties[0].operator: unknown operator "between"'],
    ['cohort filter', (f) => { f.actions[3].steps[0].properties = [{ key: 'id', value: 3, type: 'cohort' }]; }, 'actions[3].steps[0].properties[0].type: unsupported filter type "cohort"'],
    ['object value', (f) => { f.actions[3].steps[0].properties = [{ key: 'k', value: { a: 1 } }]; }, 'actions[3].steps[0].properties[0].value: expected a string, number, boolean or list of them, found an object'],
    ['nested list value', (f) => { f.actions[3].steps[0].properties = [{ key: 'k', value: ['a', ['b']] }]; }, 'actions[3].steps[0].properties[0].value[1]: expected a string'],
    ['unsupported selector (validateAction)', (f) => { f.actions[3].steps[0].selector = 'a:hover'; }, "actions[3].steps[0].selector: ':hover' is not supported"],
    ['sibling combinator (validateAction)', (f) => { f.actions[3].steps[0].selector = 'li + li'; }, "actions[3].steps[0].selector: the '+' combinator is not supported"],
    ['look-ahead regex (validateAction)', (f) => { Object.assign(f.actions[3].steps[0], { text: '(?=x)', text_matching: 'regex' }); }, 'actions[3].steps[0].text: \'(?=x)\' is not a valid RE2 regular expression'],
    ['unbalanced url regex (validateAction)', (f) => { Object.assign(f.actions[3].steps[0], { url: '(a', url_matching: 'regex' }); }, 'actions[3].steps[0].url: \'(a\' is not a valid RE2'],
    ['bad date filter (validateAction)', (f) => { f.actions[3].steps[0].properties = [{ key: 'd', value: 'yesterday', operator: 'is_date_before' }]; }, "actions[3].steps[0].properties[0].value: 'yesterday' is not a date"],
    ['an action that is a list', (f) => { f.actions[3] = [] as never; }, 'actions[3]: expected an action object, found an array'],
  ])('%s', (_name, mutate, reason) => {
    const file = validFile();
    mutate(file);
    const plan = parseImport(JSON.stringify(file), [], importOpts());
    expect(plan.ok).toBe(false);
    expect(plan.error).toBeUndefined();
    expect(plan.actions.map((a) => a.status)).toEqual(['created', 'created', 'created', 'rejected']);
    expect(plan.actions[3].reason).toContain(reason);
    expect(plan.actions[3].action).toBeUndefined();
  });

  it('lists every problem of an action, not only the first', () => {
    const file = validFile();
    Object.assign(file.actions[0], { name: 1, tags: 'x' });
    file.actions[0].steps[0].url_matching = 'nope';
    const { problems } = parseImport(JSON.stringify(file), [], importOpts()).actions[0];
    expect(problems!.map((r) => r.split(':')[0])).toEqual(['actions[0].name', 'actions[0].tags', 'actions[0].steps[0].url_matching']);
  });
});

describe('parseImport: huge strings are capped', () => {
  const long = (n: number) => 'x'.repeat(n);
  it.each<[string, (f: Json) => void, string]>([
    ['name', (f) => { f.actions[0].name = long(LIMITS.name + 1); }, `actions[0].name: is 401 characters long; at most ${LIMITS.name} are allowed`],
    ['description', (f) => { f.actions[0].description = long(LIMITS.description + 1); }, 'actions[0].description: is 10001 characters long'],
    ['tag', (f) => { f.actions[0].tags = [long(LIMITS.tag + 1)]; }, 'actions[0].tags[0]: is 256 characters long'],
    ['selector', (f) => { f.actions[0].steps[0].selector = `a${long(LIMITS.selector)}`; }, 'actions[0].steps[0].selector: is 10001 characters long; at most 10000 are allowed'],
    ['text', (f) => { f.actions[0].steps[0].text = long(LIMITS.text + 1); }, 'actions[0].steps[0].text: is 10001 characters long'],
    ['url', (f) => { f.actions[0].steps[0].url = long(1_000_000); }, 'actions[0].steps[0].url: is 1000000 characters long'],
    ['property value', (f) => { f.actions[0].steps[0].properties = [{ key: 'k', value: long(LIMITS.propertyValue + 1) }]; }, 'actions[0].steps[0].properties[0].value: is 10001 characters long'],
    ['too many steps', (f) => { f.actions[0].steps = Array.from({ length: LIMITS.steps + 1 }, () => ({ event: 'e' })); }, 'actions[0].steps: has 101 steps; at most 100 are allowed'],
    ['too many tags', (f) => { f.actions[0].tags = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`); }, 'actions[0].tags: has 101 tags'],
  ])('%s', (_name, mutate, reason) => {
    const file = validFile();
    mutate(file);
    const plan = parseImport(JSON.stringify(file), [], importOpts());
    expect(plan.ok).toBe(false);
    expect(plan.actions[0]).toMatchObject({ status: 'rejected' });
    expect(plan.actions[0].reason).toContain(reason);
    expect(plan.actions[0].name.length).toBeLessThanOrEqual(LIMITS.name + 1);
  });
});

describe('parseImport: prototype keys never pollute', () => {
  const step = '{"event": "$autocapture", "selector": "a"}';
  it.each([
    ['top level', `{"__proto__": {"polluted": 1}, "results": []}`, { error: '__proto__: forbidden key' }],
    ['action', `[{"name": "x", "__proto__": {"polluted": 1}, "steps": [${step}]}]`, { reason: '[0].__proto__: forbidden key (could alter object prototypes)' }],
    ['step', `[{"name": "x", "steps": [{"selector": "a", "__proto__": {"polluted": 1}}]}]`, { reason: '[0].steps[0].__proto__: forbidden key' }],
    ['filter', `[{"name": "x", "steps": [{"properties": [{"key": "k", "__proto__": {"polluted": 1}}]}]}]`, { reason: '[0].steps[0].properties[0].__proto__: forbidden key' }],
    ['constructor', `[{"name": "x", "constructor": {"prototype": {"polluted": 1}}, "steps": [${step}]}]`, { reason: '[0].constructor: forbidden key' }],
    ['prototype (single action at the root)', `{"name": "x", "prototype": {"polluted": 1}, "steps": [${step}]}`, { error: 'prototype: forbidden key' }],
  ])('%s', (_name, text, expected) => {
    const plan = parseImport(text, [], importOpts());
    expect(plan.ok).toBe(false);
    if ('error' in expected) expect(plan.error).toContain(expected.error);
    else expect(plan.actions[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining(expected.reason) });
    expect(polluted()).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a single action at the root reports paths without a prefix', () => {
    const plan = parseImport('{"steps": [{"event": "e"}]}', [], importOpts());
    expect(plan.actions[0].reason).toBe('name: missing; every action needs a name');
  });

  it('a property key named __proto__ is data, stored as an own key', () => {
    const plan = parseImport('[{"name": "x", "steps": [{"properties": [{"key": "__proto__", "value": "polluted"}]}]}]', [], importOpts());
    expect(plan.ok).toBe(true);
    const filter = plan.actions[0].action!.steps[0].properties![0];
    expect(filter).toEqual({ key: '__proto__', value: 'polluted', operator: 'exact', type: 'event' });
    expect(Object.getPrototypeOf(filter)).toBe(Object.prototype);
    expect(polluted()).toBeUndefined();
  });
});
