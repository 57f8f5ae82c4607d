// @ts-nocheck
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { attributesOf, candidateLabel, quoted } from '../../src/toolbar/ui/ElementPanel';
import { describeMatches } from '../../src/toolbar/ui/candidate-elements';
import { draftFromAction, withSelectorInStep } from '../../src/toolbar/draft';

const el = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

describe('element panel', () => {
  it.each<[string, string, [string, string][]]>([
    ['href is shown once, above the attributes', '<a href="/x" class="go">x</a>', [['class', 'go']]],
    ['an empty class attribute is not a row', '<button class="  " id="b">b</button>', [['id', 'b']]],
    ['style is noise', '<div style="color:red" data-a="1"></div>', [['data-a', '1']]],
  ])('attributes: %s', (_, html, expected) => {
    expect(attributesOf(el(html))).toEqual(expected);
  });

  it.each([
    ['plain', 'Add to cart', '"Add to cart"'],
    ['inner double quotes are escaped', 'Say "hi"', '"Say \\"hi\\""'],
    ['a backslash is escaped', 'a\\b', '"a\\\\b"'],
  ])('quoted text: %s', (_, text, shown) => {
    expect(quoted(text)).toBe(shown);
  });

  it('text candidates read as a tag with a quoted text', () => {
    expect(candidateLabel({ selector: 'button', kind: 'text', text: 'Say "hi"', matchCount: 1, score: 50, reasons: [], matchesClick: true })).toBe('button with text "Say \\"hi\\""');
  });

  it.each<[string, number, number, string]>([
    ['all visible', 3, 3, '3 on this page'],
    ['none visible', 3, 0, '3 matching, 0 visible — hidden now (they may appear on hover)'],
    ['some visible', 5, 2, '5 matching, 2 visible'],
    ['none at all', 0, 0, 'matches nothing on this page'],
  ])('match counts: %s', (_, n, visible, text) => {
    const elements = Array.from({ length: n }, () => document.createElement('b'));
    expect(describeMatches({ elements, visible })).toBe(text);
  });
});

describe('withSelectorInStep (a broken action fixed with a replacement)', () => {
  const action = {
    id: 'a1', site: 'shop.test', name: 'Buy', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z',
    steps: [{ event: '$pageview', url: '/shop', url_matching: 'contains' as const }, { event: '$autocapture', selector: '[data-attr="old"]', text: 'Buy' }],
  };
  it('puts the selector into the given step, ticked, leaving the others', () => {
    const draft = withSelectorInStep(draftFromAction(action), 1, { selector: '[data-attr="buy"]' });
    expect(draft.steps[1].selector).toEqual({ enabled: true, value: '[data-attr="buy"]' });
    expect(draft.steps[1].text).toMatchObject({ enabled: true, value: 'Buy' });
    expect(draft.steps[0]).toEqual(draftFromAction(action).steps[0]);
  });
  it('a text candidate brings its exact text condition', () => {
    const draft = withSelectorInStep(draftFromAction(action), 1, { selector: 'button', text: 'Buy now' });
    expect(draft.steps[1].selector.value).toBe('button');
    expect(draft.steps[1].text).toEqual({ enabled: true, value: 'Buy now', matching: 'exact' });
  });
});
