// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ActionValidationError, compileAction, validateAction } from '../../src/actions';

describe('validation names the field and says what is wrong (spec: Validation)', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['not an object', 'x', '', /must be an object/],
    ['no steps key', { name: 'a' }, 'steps', /no steps/],
    ['zero steps', { name: 'a', steps: [] }, 'steps', /no steps/],
    ['steps not a list', { name: 'a', steps: {} }, 'steps', /must be a list/],
    ['step not an object', { steps: [null] }, 'steps[0]', /must be an object/],
    ['name not a string', { name: 5, steps: [{}] }, 'name', /must be a string/],
    ['tags not strings', { tags: [1], steps: [{}] }, 'tags', /list of strings/],
    ['field not a string', { steps: [{ text: 5 }] }, 'steps[0].text', /must be a string/],
    ['unknown url_matching', { steps: [{ url: 'x', url_matching: 'startswith' }] }, 'steps[0].url_matching', /unknown matching mode 'startswith'/],
    ['unknown text_matching', { steps: [{}, { text: 'x', text_matching: 'icontains' }] }, 'steps[1].text_matching', /expected 'exact', 'contains' or 'regex'/],
    ['unknown href_matching', { steps: [{ href: 'x', href_matching: 1 }] }, 'steps[0].href_matching', /unknown matching mode/],
    ['unsupported selector', { steps: [{}, { selector: 'a:hover' }] }, 'steps[1].selector', /^steps\[1\]\.selector: ':hover' is not supported — stored events carry no hover state$/],
    ['unparsable selector', { steps: [{ selector: 'a[' }] }, 'steps[0].selector', /cannot parse selector/],
    ['regex with look-ahead', { steps: [{ url: 'a(?=b)', url_matching: 'regex' }] }, 'steps[0].url', /not a valid RE2 regular expression/],
    ['regex with back-reference', { steps: [{ text: '(a)\\1', text_matching: 'regex' }] }, 'steps[0].text', /not a valid RE2/],
    ['regex unbalanced', { steps: [{ href: '(', href_matching: 'regex' }] }, 'steps[0].href', /not a valid RE2/],
    ['properties not a list', { steps: [{ properties: {} }] }, 'steps[0].properties', /list of property filters/],
    ['filter not an object', { steps: [{ properties: ['plan'] }] }, 'steps[0].properties[0]', /must be an object/],
    ['filter without key', { steps: [{ properties: [{ value: 'x' }] }] }, 'steps[0].properties[0].key', /non-empty string/],
    ['unknown operator', { steps: [{ properties: [{ key: 'a', value: 'x', operator: 'contains' }] }] }, 'steps[0].properties[0].operator', /unknown operator 'contains'/],
    ['unknown filter type', { steps: [{ properties: [{ key: 'a', value: 'x', type: 'cohort' }] }] }, 'steps[0].properties[0].type', /unknown filter type 'cohort'/],
    ['missing value', { steps: [{ properties: [{ key: 'a' }] }] }, 'steps[0].properties[0].value', /a value is required for operator 'exact'/],
    ['empty value list', { steps: [{ properties: [{ key: 'a', value: [] }] }] }, 'steps[0].properties[0].value', /empty/],
    ['object value', { steps: [{ properties: [{ key: 'a', value: { x: 1 } }] }] }, 'steps[0].properties[0].value', /not a string, number or boolean/],
    ['filter regex RE2 rejects', { steps: [{ properties: [{ key: 'a', value: ['ok', '(?<!x)y'], operator: 'regex' }] }] }, 'steps[0].properties[0].value[1]', /not a valid RE2/],
    ['gt with a non-number', { steps: [{ properties: [{ key: 'a', value: 'ten', operator: 'gt' }] }] }, 'steps[0].properties[0].value', /'ten' is not a number/],
    ['gt with a list', { steps: [{ properties: [{ key: 'a', value: [1, 2], operator: 'gt' }] }] }, 'steps[0].properties[0].value', /one value, not a list/],
    ['date that is not a date', { steps: [{ properties: [{ key: 'a', value: 'last week', operator: 'is_date_after' }] }] }, 'steps[0].properties[0].value', /not a date/],
    ['element filter key', { steps: [{ properties: [{ key: 'class', value: 'x', type: 'element' }] }] }, 'steps[0].properties[0].key', /'selector', 'text', 'href' or 'tag_name'/],
    ['element filter operator', { steps: [{ properties: [{ key: 'text', value: 1, operator: 'gt', type: 'element' }] }] }, 'steps[0].properties[0].operator', /does not apply/],
    ['element filter selector', { steps: [{ properties: [{ key: 'selector', value: 'a + b', type: 'element' }] }] }, 'steps[0].properties[0].value', /'\+' combinator/],
  ])('%s', (_name, action, path, message) => {
    const errors = validateAction(action);
    expect(errors.map((e) => e.path)).toContain(path);
    const error = errors.find((e) => e.path === path) as ActionValidationError;
    expect(error).toBeInstanceOf(ActionValidationError);
    expect(error.message).toMatch(message);
    expect(() => compileAction(action as never)).toThrow(ActionValidationError);
  });

  it.each<[string, unknown]>([
    ['blank', { name: '  ', steps: [{}] }],
    ['missing', { steps: [{}] }],
  ])('a %s name is an error only when a name is required', (_name, action) => {
    expect(validateAction(action)).toEqual([]);
    expect(validateAction(action, { requireName: true }).map((e) => [e.path, e.message])).toEqual([['name', 'name: the name is blank — every action needs a name']]);
  });

  it('reports every problem, not just the first', () => {
    const errors = validateAction({ name: '', steps: [{ selector: 'a:hover', url: '(', url_matching: 'regex' }, { text_matching: 'nope' }] }, { requireName: true });
    expect(errors.map((e) => e.path)).toEqual(['name', 'steps[0].url', 'steps[0].selector', 'steps[1].text_matching']);
  });

  it('accepts a full PostHog-shaped action with extra local fields', () => {
    const action = {
      name: 'Clicked sign up', description: '', tags: ['signup'], id: 'x', site: 'shop.test',
      steps: [{ event: '$autocapture', selector: 'main button.signup', text: 'Sign up', text_matching: 'exact', href: null, href_matching: null, url: '/pricing', url_matching: 'contains', tag_name: null, properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }],
    };
    expect(validateAction(action, { requireName: true })).toEqual([]);
  });
});
