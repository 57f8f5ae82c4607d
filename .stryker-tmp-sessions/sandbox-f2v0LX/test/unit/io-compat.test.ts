// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compatibilityReport } from '../../src/actions/io';
import type { ActionDefinition, ActionStep } from '../../src/actions/types';

const click = (step: ActionStep): ActionDefinition => ({ name: 'a', steps: [{ event: '$autocapture', ...step }] });

describe('compatibilityReport: every difference from PostHog is detected', () => {
  it.each<[string, ActionDefinition, { step: number | null; field: string; construct: RegExp }]>([
    ['zero steps', { name: 'a', steps: [] }, { step: null, field: 'steps', construct: /no steps/ }],
    ['a step that sets no condition', { name: 'a', steps: [{ event: '$pageview' }, {}] }, { step: 1, field: 'step', construct: /sets no condition/ }],
    ['selector on a non-$autocapture event', { name: 'a', steps: [{ event: '$rageclick', selector: 'button' }] }, { step: 0, field: 'event', construct: /selector on a "\$rageclick" step/ }],
    ['text on a step for any event', { name: 'a', steps: [{ text: 'Buy' }] }, { step: 0, field: 'event', construct: /text on a step for any event/ }],
    ['href and tag on a custom event', { name: 'a', steps: [{ event: 'x', href: '/a', tag_name: 'a' }] }, { step: 0, field: 'event', construct: /href, tag_name on a "x" step/ }],
    ['#id selector', click({ selector: 'form#checkout' }), { step: 0, field: 'selector', construct: /id selector `#checkout`/ }],
    ['attribute value with spaces', click({ selector: '[aria-label="Sign up"]' }), { step: 0, field: 'selector', construct: /attribute value with spaces/ }],
    ['class selector', click({ selector: 'button.btn' }), { step: 0, field: 'selector', construct: /class selector `\.btn`/ }],
    ['descendant combinator', click({ selector: 'main button' }), { step: 0, field: 'selector', construct: /descendant combinator/ }],
    [':nth-of-type', click({ selector: 'li:nth-of-type(2)' }), { step: 0, field: 'selector', construct: /:nth-of-type/ }],
    [':first-of-type', click({ selector: 'li:first-of-type' }), { step: 0, field: 'selector', construct: /:first-of-type/ }],
    [':nth-child formula', click({ selector: 'li:nth-child(odd)' }), { step: 0, field: 'selector', construct: /:nth-child\(2n\+1\)/ }],
    ['selector list', click({ selector: 'a, button' }), { step: 0, field: 'selector', construct: /selector list/ }],
    ['CSS escape', click({ selector: 'div.md\\:flex' }), { step: 0, field: 'selector', construct: /CSS escape/ }],
    ['universal selector', click({ selector: '*' }), { step: 0, field: 'selector', construct: /universal selector/ }],
    ['prefix attribute test', click({ selector: '[data-attr^=cta]' }), { step: 0, field: 'selector', construct: /attribute test `\[data-attr\^="cta"\]`/ }],
    ['attribute presence test', click({ selector: '[data-track]' }), { step: 0, field: 'selector', construct: /attribute test `\[data-track\]`/ }],
    ['case-insensitive attribute flag', click({ selector: '[type=SUBMIT i]' }), { step: 0, field: 'selector', construct: /case-insensitive flag/ }],
    ['attribute value with a quote', click({ selector: '[title=\'say "hi"\']' }), { step: 0, field: 'selector', construct: /attribute value with a double quote/ }],
    ['text with a double quote', click({ text: 'Say "hi"' }), { step: 0, field: 'text', construct: /text with a double quote/ }],
    ['href with a double quote', click({ href: '/q?"x"' }), { step: 0, field: 'href', construct: /href with a double quote/ }],
    ['regex with a dot (ClickHouse dot-all)', click({ text: 'Sign.up', text_matching: 'regex' }), { step: 0, field: 'text', construct: /regex with `\.`/ }],
    ['url regex with a dot', { name: 'a', steps: [{ event: '$pageview', url: '/p/.*', url_matching: 'regex' }] }, { step: 0, field: 'url', construct: /regex with `\.`/ }],
    ['upper-case tag_name', click({ tag_name: 'BUTTON' }), { step: 0, field: 'tag_name', construct: /upper-case tag name "BUTTON"/ }],
    ['element selector filter with #id', click({ properties: [{ key: 'selector', value: '#buy', type: 'element' }] }), { step: 0, field: 'properties[0].value', construct: /id selector `#buy`/ }],
  ])('%s', (_name, action, expected) => {
    const issues = compatibilityReport(action);
    expect(issues).toContainEqual({ ...expected, construct: expect.stringMatching(expected.construct), posthog: expect.any(String), lasso: expect.any(String) });
    for (const issue of issues) {
      expect(issue.posthog.length).toBeGreaterThan(10);
      expect(issue.lasso.length).toBeGreaterThan(10);
    }
  });

  it.each<[string, ActionDefinition]>([
    ['$autocapture with a tag, child combinator and plain nth-child', click({ selector: 'nav > a:nth-child(2)', text: 'Docs', href: '/docs' })],
    ['$autocapture with an exact attribute test', click({ selector: '[data-testid=add-to-cart]', tag_name: 'button' })],
    ['a pageview with a url', { name: 'a', steps: [{ event: '$pageview', url: '/pricing' }] }],
    ['a custom event with property filters', { name: 'a', steps: [{ event: 'signed_up', properties: [{ key: 'plan', value: 'pro' }] }] }],
    ['a regex without dots', { name: 'a', steps: [{ event: '$pageview', url: '^/blog/[0-9]+$', url_matching: 'regex' }] }],
  ])('a clean action has no issues: %s', (_name, action) => {
    expect(compatibilityReport(action)).toEqual([]);
  });

  it('reports each step separately and ignores an escaped dot in a regex', () => {
    const issues = compatibilityReport({ name: 'a', steps: [{ event: '$pageview', url: 'shop\\.example', url_matching: 'regex' }, { event: 'x', selector: 'b' }] });
    expect(issues.map((i) => [i.step, i.field])).toEqual([[1, 'event']]);
  });
});
