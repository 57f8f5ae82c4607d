/**
 * Boundary rows for actions/io: export ordering ties, the JSON syntax locator on valid and
 * subtly invalid input, structural reading at the exact caps, and import's per-action planning.
 */
import { describe, expect, it } from 'vitest';
import { compatibilityReport, exportActions, LIMITS, parseImport, playwrightSnippet } from '../../src/actions/io';
import { findJsonSyntaxError } from '../../src/actions/io/json-error';
import { readAction } from '../../src/actions/io/shape';
import type { ActionStep, StoredAction } from '../../src/actions/types';
import { importOpts, NOW, stored } from '../fixtures/actions/helpers';

/** Actions whose names tie ignoring case; the description tells them apart after export (site is dropped). */
const tie = (name: string, site: string): StoredAction => stored({ name, description: `${name}@${site}`, steps: [{ event: 'e' }] }, { site });

describe('exportActions: order of names that tie ignoring case (then exact name, then site)', () => {
  // 'B' (U+0042) sorts before 'b' (U+0062); site a.example before b.example.
  const EXPECTED = ['Buy@a.example', 'Buy@b.example', 'buy@a.example', 'buy@b.example'];
  it.each<[string, [string, string][]]>([
    ['already sorted', [['Buy', 'a.example'], ['Buy', 'b.example'], ['buy', 'a.example'], ['buy', 'b.example']]],
    ['reversed', [['buy', 'b.example'], ['buy', 'a.example'], ['Buy', 'b.example'], ['Buy', 'a.example']]],
    ['sites reversed', [['Buy', 'b.example'], ['Buy', 'a.example'], ['buy', 'b.example'], ['buy', 'a.example']]],
    ['cases reversed', [['buy', 'a.example'], ['buy', 'b.example'], ['Buy', 'a.example'], ['Buy', 'b.example']]],
    ['interleaved', [['buy', 'a.example'], ['Buy', 'b.example'], ['buy', 'b.example'], ['Buy', 'a.example']]],
    ['interleaved 2', [['Buy', 'b.example'], ['buy', 'b.example'], ['Buy', 'a.example'], ['buy', 'a.example']]],
  ])('%s', (_name, input) => {
    const file = JSON.parse(exportActions(input.map(([n, s]) => tie(n, s)), { now: NOW }));
    expect(file.actions.map((a: { description: string }) => a.description)).toEqual(EXPECTED);
  });

  it.each<[string[], string[]]>([
    [['b', 'A', 'a', 'B'], ['A', 'a', 'B', 'b']],
    [['a', 'B', 'A', 'b'], ['A', 'a', 'B', 'b']],
    [['Zoo', 'apple', 'zoo', 'Apple'], ['Apple', 'apple', 'Zoo', 'zoo']],
  ])('%j is exported as %j', (names, expected) => {
    const file = JSON.parse(exportActions(names.map((n) => stored({ name: n, steps: [{ event: 'e' }] })), { now: NOW }));
    expect(file.actions.map((a: { name: string }) => a.name)).toEqual(expected);
  });
});

describe('findJsonSyntaxError: valid JSON has no error', () => {
  it.each([
    '[]', '{}', ' [ ] ', '[[], {}]', '{"a": []}', '{"a": {}}', '[[[]]]', '{"a": {"b": {}}}',
    'true', 'false', 'null', '[true, false, null]', '{"t": true, "f": false, "n": null}',
    '" "', '"a b"', '"\\u00e9"', '"\\u00E9\\uABCD"', '["\\u0041", 1]', '"\\n\\"\\\\\\/\\b\\f\\r\\t"', '{"k\\u0041": "\\n"}',
    '-1.5e+3', '0', '\t\r\n1\n',
    // numbers whose fraction or exponent has more than one digit, or an exponent without a sign
    '1.25', '1e5', '1E+10', '[0.125, 2e-10, 3E12]',
  ])('%j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeNull();
  });
});

describe('findJsonSyntaxError: names the problem and where it is', () => {
  it.each<[string, string, number, number, number, string]>([
    ['trailing comma in an object', '{"a": 1,}', 8, 1, 9, 'expected a property name in double quotes, found "}"'],
    ['trailing comma on its own line', '{\n  "a": 1,\n}', 12, 3, 1, 'expected a property name in double quotes, found "}"'],
    ['line break inside a key', '{"a\nb": 1}', 3, 1, 4, 'control character (such as a line break) inside a string'],
    ['key never closed', '{"abc', 1, 1, 2, 'string is never closed'],
    ['short \\u escape', '"\\u12"', 1, 1, 2, 'invalid escape sequence in a string'],
    ['non-hex \\u escape', '["\\u12G4"]', 2, 1, 3, 'invalid escape sequence in a string'],
    ['\\x followed by four hex digits', '"\\x0041"', 1, 1, 2, 'invalid escape sequence in a string'],
    ['backslash at the end', '"\\', 1, 1, 2, 'invalid escape sequence in a string'],
    ['tab inside a string', '"a\tb"', 2, 1, 3, 'control character (such as a line break) inside a string'],
    ['misspelt literal', '[tru]', 1, 1, 2, 'unexpected "t" where a value was expected'],
    ['close bracket of the wrong kind', '{"a": [1}', 8, 1, 9, 'expected \',\' or \']\', found "}"'],
    ['second value after an array', '[] []', 3, 1, 4, 'unexpected "[" after the end of the JSON value'],
    ['second value after an object', '{}\n{}', 3, 2, 1, 'unexpected "{" after the end of the JSON value'],
    ['unclosed after an empty object', '[{}', 3, 1, 4, 'unexpected end of file'],
    ['column counts from the last line break', '[\n\n  1,\n  ]', 10, 4, 3, 'unexpected "]" where a value was expected'],
  ])('%s', (_name, text, offset, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ offset, line, column, message });
  });
});

/** One action in a bare array (paths start with `[0]`). */
const planOf = (action: unknown) => parseImport(JSON.stringify([action]), [], importOpts());
const withStep = (step: Record<string, unknown>) => ({ name: 'A', steps: [step] });
const withFilter = (filter: unknown) => withStep({ event: 'e', properties: [filter] });
const x = (n: number) => 'x'.repeat(n);

describe('parseImport: structural rejections name the path and the problem', () => {
  it.each<[string, unknown, string]>([
    ['a filter that is a string', withFilter('plan'), '[0].steps[0].properties[0]: expected a property filter object, found a string'],
    ['a filter that is a list', withFilter(['plan']), '[0].steps[0].properties[0]: expected a property filter object, found an array'],
    ['a tag that is a list', { name: 'A', tags: [['t']], steps: [{ event: 'e' }] }, '[0].tags[0]: expected a string, found an array'],
    ['steps missing', { name: 'A' }, '[0].steps: missing; an action needs at least one step'],
    ['an empty filter key', withFilter({ key: '', value: 1 }), '[0].steps[0].properties[0].key: expected a non-empty string, found a string'],
    ['a filter key over the cap', withFilter({ key: x(LIMITS.propertyKey + 1) }), `[0].steps[0].properties[0].key: is ${LIMITS.propertyKey + 1} characters long; at most ${LIMITS.propertyKey} are allowed`],
    ['101 filters', withStep({ event: 'e', properties: Array.from({ length: LIMITS.properties + 1 }, (_, i) => ({ key: `k${i}` })) }), `[0].steps[0].properties: has ${LIMITS.properties + 1} filters; at most ${LIMITS.properties} are allowed`],
    ['1001 list values', withFilter({ key: 'k', value: Array.from({ length: LIMITS.listValues + 1 }, (_, i) => i) }), `[0].steps[0].properties[0].value: has ${LIMITS.listValues + 1} values; at most ${LIMITS.listValues} are allowed`],
    ['an over-long string first in a list', withFilter({ key: 'k', value: [x(LIMITS.propertyValue + 1), 'ok'] }), '[0].steps[0].properties[0].value[0]: expected a string (within the length cap), number or boolean'],
    ['an over-long string later in a list', withFilter({ key: 'k', value: ['ok', x(LIMITS.propertyValue + 1)] }), '[0].steps[0].properties[0].value[1]: expected a string (within the length cap), number or boolean'],
    ['a list first in a list', withFilter({ key: 'k', value: [['a'], 'b'] }), '[0].steps[0].properties[0].value[0]: expected a string (within the length cap), number or boolean'],
    ['a null in a list', withFilter({ key: 'k', value: ['a', null] }), '[0].steps[0].properties[0].value[1]: expected a string (within the length cap), number or boolean'],
  ])('%s', (_name, action, problem) => {
    const plan = planOf(action);
    expect(plan.ok).toBe(false);
    expect(plan.actions[0].status).toBe('rejected');
    expect(plan.actions[0].problems).toContain(problem);
  });
});

describe('parseImport: values exactly at the caps, and every value kind, are accepted', () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ['name of exactly 400 characters', { name: x(LIMITS.name), steps: [{ event: 'e' }] }, { name: x(LIMITS.name) }],
    ['exactly 100 tags', { name: 'A', tags: Array.from({ length: LIMITS.tags }, (_, i) => `t${String(i).padStart(3, '0')}`), steps: [{ event: 'e' }] }, { tags: Array.from({ length: LIMITS.tags }, (_, i) => `t${String(i).padStart(3, '0')}`) }],
    ['exactly 100 steps', { name: 'A', steps: Array.from({ length: LIMITS.steps }, () => ({ event: 'e' })) }, { steps: Array.from({ length: LIMITS.steps }, () => ({ event: 'e' })) }],
    ['no description and no tags', { name: 'A', steps: [{ event: 'e' }] }, { description: '', tags: [] }],
    ['null description and tags', { name: 'A', description: null, tags: null, steps: [{ event: 'e' }] }, { description: '', tags: [] }],
    ['a filter without a value', withFilter({ key: 'k', operator: 'is_set' }), { steps: [{ event: 'e', properties: [{ key: 'k', operator: 'is_set', type: 'event' }] }] }],
    ['a string value', withFilter({ key: 'k', value: 'pro' }), { steps: [{ event: 'e', properties: [{ key: 'k', value: 'pro', operator: 'exact', type: 'event' }] }] }],
    ['a number value', withFilter({ key: 'k', value: 3, operator: 'gt' }), { steps: [{ event: 'e', properties: [{ key: 'k', value: 3, operator: 'gt', type: 'event' }] }] }],
    ['a boolean value', withFilter({ key: 'k', value: false }), { steps: [{ event: 'e', properties: [{ key: 'k', value: false, operator: 'exact', type: 'event' }] }] }],
    ['a null value', withFilter({ key: 'k', value: null, operator: 'is_set' }), { steps: [{ event: 'e', properties: [{ key: 'k', value: null, operator: 'is_set', type: 'event' }] }] }],
    ['a mixed list value', withFilter({ key: 'k', value: ['a', 1, true] }), { steps: [{ event: 'e', properties: [{ key: 'k', value: ['a', 1, true], operator: 'exact', type: 'event' }] }] }],
    ['a property value of exactly 10,000 characters', withFilter({ key: 'k', value: x(LIMITS.propertyValue) }), { steps: [{ event: 'e', properties: [{ key: 'k', value: x(LIMITS.propertyValue), operator: 'exact', type: 'event' }] }] }],
    ['a list string of exactly 10,000 characters', withFilter({ key: 'k', value: [x(LIMITS.propertyValue)] }), { steps: [{ event: 'e', properties: [{ key: 'k', value: [x(LIMITS.propertyValue)], operator: 'exact', type: 'event' }] }] }],
    ['exactly 100 filters', withStep({ event: 'e', properties: Array.from({ length: LIMITS.properties }, (_, i) => ({ key: `k${i}`, operator: 'is_set' })) }), { steps: [{ event: 'e', properties: Array.from({ length: LIMITS.properties }, (_, i) => ({ key: `k${i}`, operator: 'is_set', type: 'event' })) }] }],
    ['exactly 1000 list values', withFilter({ key: 'k', value: Array.from({ length: LIMITS.listValues }, (_, i) => i) }), { steps: [{ event: 'e', properties: [{ key: 'k', value: Array.from({ length: LIMITS.listValues }, (_, i) => i), operator: 'exact', type: 'event' }] }] }],
  ])('%s', (_name, action, expected) => {
    const plan = planOf(action);
    expect(plan.actions[0].problems).toBeUndefined();
    expect(plan.ok).toBe(true);
    expect(plan.actions[0].status).toBe('created');
    expect(plan.actions[0].action).toMatchObject(expected);
  });
});

describe('readAction (structural reader) directly', () => {
  it.each<[string, unknown, string, string[]]>([
    ['a number with no path', 5, '', ['action: expected an action object, found a number']],
    ['null with a path', null, 'results[2]', ['results[2]: expected an action object, found null']],
    ['an infinite property value (not JSON, but never accepted)', withFilter({ key: 'k', value: Infinity }), '', ['steps[0].properties[0].value: expected a string, number, boolean or list of them, found a number']],
    ['NaN in a list value', withFilter({ key: 'k', value: [1, Number.NaN] }), '', ['steps[0].properties[0].value[1]: expected a string (within the length cap), number or boolean']],
  ])('%s', (_name, raw, path, problems) => {
    expect(readAction(raw, path)).toEqual({ def: null, problems });
  });

  it('a valid action reads with an empty problem list and defaults filled in', () => {
    expect(readAction({ name: 'A', steps: [{ event: 'e' }] }, '')).toEqual({ def: { name: 'A', description: '', tags: [], steps: [{ event: 'e' }] }, problems: [] });
  });

  /** What readAction makes of one step holding `step`'s fields and no problems. */
  const readsAs = (step: Record<string, unknown>) => ({ def: { name: 'A', description: '', tags: [], steps: [step] }, problems: [] });

  it.each([
    'exact', 'is_not', 'icontains', 'not_icontains', 'regex', 'not_regex', 'gt', 'gte', 'lt', 'lte',
    'is_set', 'is_not_set', 'is_date_before', 'is_date_after', 'is_date_exact',
  ])('operator %j is read', (operator) => {
    expect(readAction(withFilter({ key: 'k', operator }), '')).toEqual(readsAs({ event: 'e', properties: [{ key: 'k', operator }] }));
  });

  it.each(['event', 'person', 'element'])('filter type %j is read', (type) => {
    expect(readAction(withFilter({ key: 'k', type }), '')).toEqual(readsAs({ event: 'e', properties: [{ key: 'k', type }] }));
  });

  it.each<[string, Record<string, unknown>]>([
    ['id', { id: 7, event: 'e' }],
    ['name', { name: 'Step', event: 'e' }],
    ['id and name', { id: 7, name: 'Step', event: 'e' }],
  ])('legacy step field(s) %s are accepted and dropped', (_name, step) => {
    expect(readAction(withStep(step), '')).toEqual(readsAs({ event: 'e' }));
  });
});

describe('parseImport: per-action planning edge cases', () => {
  it.each<[string, unknown[], { status: string; name: string; problems?: string[] }[]]>([
    ['null, a number and a string as actions', [null, 5, 'x'], [
      { status: 'rejected', name: '', problems: ['[0]: expected an action object, found null'] },
      { status: 'rejected', name: '', problems: ['[1]: expected an action object, found a number'] },
      { status: 'rejected', name: '', problems: ['[2]: expected an action object, found a string'] },
    ]],
    ['a non-string name is shown as empty', [{ name: 7, steps: [{ event: 'e' }] }], [
      { status: 'rejected', name: '', problems: ['[0].name: expected a string, found a number'] },
    ]],
    ['a name of exactly 400 characters is shown whole', [{ name: x(LIMITS.name), steps: [{ event: 'e' }] }], [
      { status: 'created', name: x(LIMITS.name) },
    ]],
    ['an over-long name is shown cut to 400 characters with an ellipsis', [{ name: x(LIMITS.name + 1), steps: [{ event: 'e' }] }], [
      { status: 'rejected', name: `${x(LIMITS.name)}…`, problems: [`[0].name: is ${LIMITS.name + 1} characters long; at most ${LIMITS.name} are allowed`] },
    ]],
    ['a deleted action is skipped even when otherwise invalid', [{ name: 'Gone', deleted: true }], [{ status: 'skipped', name: 'Gone' }]],
    ['deleted: false is imported', [{ name: 'Kept', deleted: false, steps: [{ event: 'e' }] }], [{ status: 'created', name: 'Kept' }]],
    ['a name repeated in the file (other case)', [{ name: 'Buy', steps: [{ event: 'e' }] }, { name: 'buy', steps: [{ event: 'f' }] }], [
      { status: 'created', name: 'Buy' },
      { status: 'rejected', name: 'buy', problems: ['[1].name: duplicate of [0] (names are unique per site, ignoring case)'] },
    ]],
  ])('%s', (_name, items, expected) => {
    const plan = parseImport(JSON.stringify(items), [], importOpts());
    expect(plan.actions).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(plan.actions[i]).toMatchObject(e));
  });

  it('a single-object file qualifies semantic problems without a leading dot', () => {
    const plan = parseImport(JSON.stringify({ name: 'A', steps: [{ selector: 'a:hover' }] }), [], importOpts());
    expect(plan.format).toBe('single');
    expect(plan.actions[0].status).toBe('rejected');
    expect(plan.actions[0].problems).toHaveLength(1);
    expect(plan.actions[0].problems![0]).toMatch(/^steps\[0\]\.selector: ':hover' is not supported/);
  });

  it.each<[number, string]>([
    [20, ''],
    [21, '; and 1 more'],
    [23, '; and 3 more'],
  ])('an action with %i problems lists at most 20 in its reason', (count, suffix) => {
    const plan = planOf({ name: 'A', tags: Array.from({ length: count }, (_, i) => i), steps: [{ event: 'e' }] });
    const listed = Array.from({ length: Math.min(count, 20) }, (_, i) => `[0].tags[${i}]: expected a string, found a number`);
    expect(plan.actions[0].problems).toHaveLength(count);
    expect(plan.actions[0].reason).toBe(listed.join('; ') + suffix);
  });

  it.each<[string, string]>([
    ['invalid JSON', '[1,]'],
    ['wrong top-level type', '"text"'],
    ['too many actions', JSON.stringify(Array.from({ length: LIMITS.actions + 1 }, () => 0))],
  ])('a malformed file (%s) gives an error, no entries, zero counts and no warnings', (_name, text) => {
    expect(parseImport(text, [], importOpts())).toEqual({
      ok: false, error: expect.any(String), actions: [], counts: { created: 0, updated: 0, skipped: 0, rejected: 0 }, warnings: [],
    });
  });

  it('a file of exactly the character cap is read (only larger files are refused)', () => {
    const text = `[${' '.repeat(LIMITS.fileChars - 2)}]`;
    expect(text).toHaveLength(LIMITS.fileChars);
    const plan = parseImport(text, [], importOpts());
    expect(plan).toMatchObject({ ok: true, format: 'array', actions: [], warnings: ['the file holds no actions'] });
    expect(plan.error).toBeUndefined();
  });
});

const PW_URL = 'https://shop.example.com/';
const snippetOf = (steps: ActionStep[], name = 'Buy') => playwrightSnippet({ name, steps }, PW_URL);

describe('playwrightSnippet: the whole file for a step without a locator and a step without element conditions', () => {
  it('matches line for line', () => {
    expect(snippetOf([{ event: '$autocapture', href: '/p%_x', href_matching: 'contains' }, {}]).split('\n')).toEqual([
      "import { test, expect } from '@playwright/test';",
      '',
      '// Generated by Lasso for the action "Buy".',
      '// The action matches when any step matches; here every step with element conditions is checked.',
      '// Lasso checks each condition against the clicked element or any ancestor; this test looks for',
      '// an element that satisfies them together, which is close but not identical.',
      'test("Buy", async ({ page }) => {',
      '  await page.goto("https://shop.example.com/");',
      '',
      '  await test.step("step 1", async () => {',
      '    // event "$autocapture"',
      '    const hrefs = await page.locator("[href]").evaluateAll((els) => els.map((el) => el.getAttribute("href") ?? ""));',
      '    expect(hrefs.some((href) => new RegExp("/p.*.x", "i").test(href))).toBe(true);',
      '  });',
      '',
      '  // step 2 sets no element condition; nothing to look for on the page.',
      '});',
      '',
    ]);
  });
});

describe('playwrightSnippet: which lines a step produces', () => {
  it.each<[string, ActionStep, string[], string[]]>([
    ['empty selector is unset', { selector: '', text: 'Go' }, ['await expect(page.getByText("Go", { exact: true })).not.toHaveCount(0);'], ['page.locator(""']],
    ['no event, no note', { selector: 'a' }, ['await expect(page.locator("a")).not.toHaveCount(0);'], ['// event', '// url', 'property filter']],
    ['empty property list, no note', { selector: 'a', properties: [] }, ['page.locator("a")'], ['property filter']],
    ['url with a selector is checked, not noted', { selector: 'a', url: '/x' }, ['await expect(page).toHaveURL(new RegExp("/x"));'], ['// url contains']],
    ['url with a tag is not noted', { tag_name: 'button', url: '/x' }, ['page.locator("button")'], ['// url contains']],
    ['url with text is not noted', { text: 'Go', url: '/x' }, ['page.getByText("Go", { exact: true })'], ['// url contains']],
    ['url with an href is not noted', { href: '/a', url: '/x' }, ['page.locator("[href=\\"/a\\"]")'], ['// url contains']],
    ['url alone is noted', { event: '$pageview', url: '/x' }, ['// step 1 sets no element condition (event "$pageview"; url contains "/x"); nothing to look for on the page.'], ['toHaveURL']],
    ['event alone: no url note', { event: '$pageview' }, ['// step 1 sets no element condition (event "$pageview"); nothing to look for on the page.'], ['url']],
    ['url without a mode is contains (LIKE wildcard)', { selector: 'a', url: '/p%' }, ['await expect(page).toHaveURL(new RegExp("/p.*"));'], ['/p%']],
    ['href contains with a wildcard is case-insensitive', { href: 'A_b', href_matching: 'contains' }, ['new RegExp("A.b", "i").test(href)'], []],
    ['href regex JavaScript cannot run', { selector: 'a', href: '(?s)a', href_matching: 'regex' }, ['// href not checked: RE2 pattern "(?s)a" does not run in JavaScript (', 'await expect(page.locator("a")).not.toHaveCount(0);'], ['const hrefs']],
    ['url regex JavaScript cannot run', { selector: 'a', url: '(?s)x', url_matching: 'regex' }, ['// url not checked: RE2 pattern "(?s)x" does not run in JavaScript ('], ['toHaveURL']],
  ])('%s', (_name, step, present, absent) => {
    const source = snippetOf([step]);
    for (const line of present) expect(source).toContain(line);
    for (const text of absent) expect(source).not.toContain(text);
  });
});

const report = (step: ActionStep) => compatibilityReport({ name: 'a', steps: [step] });

describe('compatibilityReport: exact constructs', () => {
  it.each<[string, ActionStep, string[]]>([
    ['blank event and url set nothing', { event: '', url: '' }, ['step that sets no condition']],
    ['url alone is a condition', { url: '/x' }, []],
    ['text alone is a condition (on any event)', { text: 'Buy' }, ['text on a step for any event']],
    ['a property filter alone is a condition', { properties: [{ key: 'k', value: 'v' }] }, []],
    ['a dot in an exact text is not a regex', { event: '$autocapture', text: 'Sign.up' }, []],
    ['a dot in a contains url is not a regex', { url: 'a.b', url_matching: 'contains' }, []],
    ['a leading dot in a regex', { event: '$autocapture', text: '.x', text_matching: 'regex' }, ['regex with `.` ".x"']],
    ['an escaped dot is literal', { url: 'a\\.b', url_matching: 'regex' }, []],
    ['an escaped backslash then a dot', { url: 'a\\\\.b', url_matching: 'regex' }, ['regex with `.` "a\\\\\\\\.b"']],
    ['a repeated class is reported once', { event: '$autocapture', selector: '.a .a' }, ['descendant combinator (space)', 'class selector `.a`']],
    ['id and attribute: not universal', { event: '$autocapture', selector: '#a[x=y]' }, ['id selector `#a`']],
    ['id and class: not universal', { event: '$autocapture', selector: '#a.b' }, ['id selector `#a`', 'class selector `.b`']],
    ['attribute and nth-child: not universal', { event: '$autocapture', selector: '[x=y]:nth-child(3)' }, []],
    ['case-insensitive flag shown with the i', { event: '$autocapture', selector: '[type=SUBMIT i]' }, ['case-insensitive flag `[type="SUBMIT" i]`']],
    ['nth-child An with b = 0', { event: '$autocapture', selector: 'li:nth-child(2n)' }, [':nth-child(2n+0)']],
    ['nth-child An with negative b', { event: '$autocapture', selector: 'li:nth-child(3n-1)' }, [':nth-child(3n-1)']],
    ['element selector filter', { event: '$autocapture', properties: [{ key: 'selector', type: 'element', value: 'main a' }] }, ['descendant combinator (space)']],
    ['element filter on another key is not a selector', { event: '$autocapture', properties: [{ key: 'text', type: 'element', value: 'main a' }] }, []],
    ['event filter named selector is not a selector', { event: '$autocapture', properties: [{ key: 'selector', type: 'event', value: 'main a' }] }, []],
    ['blank and non-string selector values are ignored', { event: '$autocapture', properties: [{ key: 'selector', type: 'element', value: ['', 3] as unknown as string[] }] }, []],
    ['unparsable selector in a filter', { event: '$autocapture', properties: [{ key: 'selector', type: 'element', value: 'a[' }] }, ['unparsable selector "a["']],
  ])('%s', (_name, step, constructs) => {
    expect(report(step).map((i) => i.construct)).toEqual(constructs);
  });

  it('an unparsable filter selector says what each side does', () => {
    const [issue] = report({ event: '$autocapture', properties: [{ key: 'selector', type: 'element', value: 'a[' }] });
    expect(issue).toMatchObject({ step: 0, field: 'properties[0].value', posthog: 'its parser may accept or mis-read it' });
    expect(issue.lasso).toMatch(/^refuses to save it: \S/);
  });
});

describe('parseImport: format detection details', () => {
  it.each<[string, unknown, string, string[]]>([
    ['Lasso export', { format: 'lasso-actions', version: 1, exported_at: NOW, actions: [{ name: 'A', steps: [{ event: 'e' }] }] }, 'lasso-export', []],
    ['PostHog list, empty next', { count: 1, next: '', results: [{ name: 'A', steps: [{ event: 'e' }] }] }, 'posthog-list', []],
    ['PostHog list, null next', { count: 1, next: null, results: [{ name: 'A', steps: [{ event: 'e' }] }] }, 'posthog-list', []],
    ['single action', { name: 'A', steps: [{ event: 'e' }] }, 'single', []],
    ['bare array', [{ name: 'A', steps: [{ event: 'e' }] }], 'array', []],
  ])('%s: no warnings', (_name, file, format, warnings) => {
    const plan = parseImport(JSON.stringify(file), [], importOpts());
    expect(plan).toMatchObject({ ok: true, format, counts: { created: 1 } });
    expect(plan.warnings).toEqual(warnings);
  });

  it.each<[string, unknown, string]>([
    ['PostHog list', { count: 2, next: null, results: [{ name: 'A', steps: [{ event: 'e' }] }, { name: 'B', steps: [] }] }, 'results[1].steps: is empty'],
    ['Lasso export', { format: 'lasso-actions', version: 1, actions: [{ name: 'A', steps: [{ event: 'e' }] }, { name: 'B', steps: [] }] }, 'actions[1].steps: is empty'],
  ])('%s: problems point into the file', (_name, file, problem) => {
    const plan = parseImport(JSON.stringify(file), [], importOpts());
    expect(plan.actions[1].status).toBe('rejected');
    expect(plan.actions[1].problems![0]).toContain(problem);
  });
});

describe('parseImport: imported definitions are canonical', () => {
  it.each<[string, unknown, unknown]>([
    ['tags sorted and de-duplicated', { name: 'A', tags: ['c', 'b', 'a', 'b'], steps: [{ event: 'e' }] }, { name: 'A', description: '', tags: ['a', 'b', 'c'], steps: [{ event: 'e' }] }],
    ['blank tag_name dropped', { name: 'A', steps: [{ event: 'e', tag_name: '' }] }, { name: 'A', description: '', tags: [], steps: [{ event: 'e' }] }],
    ['a filter without a value has no value key', { name: 'A', steps: [{ event: 'e', properties: [{ key: 'k', operator: 'is_set' }] }] }, { name: 'A', description: '', tags: [], steps: [{ event: 'e', properties: [{ key: 'k', operator: 'is_set', type: 'event' }] }] }],
  ])('%s', (_name, action, def) => {
    const plan = planOf(action);
    expect(plan.actions[0].status).toBe('created');
    const { name, description, tags, steps } = plan.actions[0].action!;
    expect({ name, description, tags, steps }).toStrictEqual(def);
  });
});
