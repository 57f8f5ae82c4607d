// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { BASE_SCORE, rankCandidates, scoreCandidate } from '../../src/selectors/scoring';
import { selectorShape } from '../../src/selectors/selector-parts';
import type { CandidateFacts } from '../../src/selectors/types';

const facts = (f: Partial<CandidateFacts> & Pick<CandidateFacts, 'kind' | 'selector'>): CandidateFacts => ({
  matchCount: 1, matchesClick: true, ...f, ...selectorShape(f.selector),
});

describe('scoreCandidate', () => {
  it.each<[string, CandidateFacts, number, string[]]>([
    ['unique data attribute', facts({ kind: 'data-attribute', selector: '[data-attr="signup"]', via: 'data-attr' }), 95, ['unique data attribute data-attr']],
    ['shared data attribute', facts({ kind: 'data-attribute', selector: '[data-attr="add-to-cart"]', via: 'data-attr', matchCount: 4 }), 75,
      ['shared data attribute data-attr', 'shared by 4 elements']],
    ['data attribute narrowed by an ancestor', facts({
      kind: 'data-attribute', selector: '[data-product-id="2"] [data-attr="add-to-cart"]', via: 'data-attr',
      narrows: '[data-attr="add-to-cart"]', narrowedBy: '[data-product-id="2"]',
    }), 92, ['unique data attribute data-attr', 'narrows `[data-attr="add-to-cart"]` to this element with `[data-product-id="2"]`', '2 levels']],
    ['data attribute with a generated-looking value', facts({ kind: 'data-attribute', selector: '[data-testid="a8f7d6e5c4"]', via: 'data-testid', generatedTokens: ['a8f7d6e5c4'] }), 70,
      ['unique data attribute data-testid', 'uses generated-looking value: a8f7d6e5c4']],
    ['stable id', facts({ kind: 'id', selector: '#checkout' }), 85, ['unique stable id']],
    ['aria-label', facts({ kind: 'aria', selector: 'button[aria-label="Close"]', via: 'aria-label' }), 75, ['unique aria-label']],
    ['one class', facts({ kind: 'class', selector: 'a.logo', classCount: 1 }), 60, ['unique stable class']],
    ['three classes', facts({ kind: 'class', selector: 'a.btn.secondary.md\\:flex', classCount: 3 }), 50, ['unique stable classes', '3 classes']],
    ['text condition', facts({ kind: 'text', selector: 'button' }), 50, ['unique text condition (exact)']],
    ['structure with one position', facts({ kind: 'structure', selector: '#grid > article:nth-of-type(2)' }), 17, ['unique structural fallback', 'position-based', '2 levels']],
    ['structure with two positions', facts({ kind: 'structure', selector: 'main > div:nth-of-type(3) > span:nth-of-type(1)' }), 0,
      ['unique structural fallback', 'position-based', '3 levels']],
    ['class qualified by a position', facts({ kind: 'class', selector: 'article:nth-of-type(1) span.name', classCount: 1 }), 42, ['unique stable class', 'position-based', '2 levels']],
    ['no click match', facts({ kind: 'aria', selector: 'input[role="textbox"]', via: 'role', matchesClick: false }), 25,
      ['unique role', 'a click on this element would not match (not recorded in $elements_chain)']],
    ['matches nothing', facts({ kind: 'id', selector: '#gone', matchCount: 0 }), 0, ['matches nothing on the page']],
    ['data attribute without a name', facts({ kind: 'data-attribute', selector: '[data-attr]' }), 95, ['unique data attribute']],
    ['accessible name of unknown origin', facts({ kind: 'aria', selector: 'button[aria-label="Close"]' }), 75, ['unique accessible name']],
    ['link target', facts({ kind: 'href', selector: 'a[href="/cart"]' }), 70, ['unique link target (href)']],
    ['class matching exactly the similar elements', facts({ kind: 'class', selector: 'a.card', classCount: 1, matchCount: 4, similarCount: 4 }), 60,
      ['stable class', 'matches all 4 similar elements and nothing else']],
    ['class matching more than the similar elements', facts({ kind: 'class', selector: 'a.card', classCount: 1, matchCount: 4, similarCount: 3 }), 40,
      ['shared stable class', 'shared by 4 elements']],
  ])('%s', (_name, input, score, reasons) => {
    expect(scoreCandidate(input)).toEqual({ score, reasons });
  });

  it('penalises long selectors, more beyond 100 characters', () => {
    const long = `[data-attr="${'x'.repeat(60)}"]`;
    const veryLong = `[data-attr="${'x'.repeat(100)}"]`;
    expect(scoreCandidate(facts({ kind: 'data-attribute', selector: long, via: 'data-attr' }))).toMatchObject({ score: 90, reasons: expect.arrayContaining([`long selector (${long.length} characters)`]) });
    expect(scoreCandidate(facts({ kind: 'data-attribute', selector: veryLong, via: 'data-attr' })).score).toBe(85);
  });

  // `[data-attr=""]` is 14 characters: the penalty starts at 61, doubles at 101.
  it.each([[60, 95], [61, 90], [100, 90], [101, 85]])('a %i-character selector scores %i', (length, score) => {
    const selector = `[data-attr="${'x'.repeat(length - 14)}"]`;
    expect(scoreCandidate(facts({ kind: 'data-attribute', selector, via: 'data-attr' })).score).toBe(score);
  });

  it('keeps scores within 0–100 and follows the documented kind order', () => {
    const kinds = Object.entries(BASE_SCORE).sort((a, b) => b[1] - a[1]).map(([k]) => k);
    expect(kinds).toEqual(['data-attribute', 'id', 'aria', 'href', 'class', 'text', 'structure']);
    const worst = facts({ kind: 'structure', selector: 'a:nth-of-type(1) > b:nth-of-type(2) > c:nth-of-type(3)', matchesClick: false, matchCount: 9 });
    expect(scoreCandidate(worst).score).toBe(0);
  });
});

describe('rankCandidates', () => {
  const c = (selector: string, score: number, matchCount = 1, matchesClick = true) => ({ selector, score, matchCount, matchesClick });
  it.each([
    ['higher score first', [c('.a', 60), c('#a', 85)], ['#a', '.a']],
    ['click-matching before a higher score that does not match', [c('[role="x"]', 90, 1, false), c('.a', 60)], ['.a', '[role="x"]']],
    // The winner is the longer selector: only the match count can put it first.
    ['fewer matches on a tie', [c('.s', 60, 4), c('.longer-one', 60, 1)], ['.longer-one', '.s']],
    ['shorter selector on a full tie', [c('main .abc', 60), c('.abc', 60)], ['.abc', 'main .abc']],
  ])('%s', (_name, input, order) => {
    expect(rankCandidates(input).map((x) => x.selector)).toEqual(order);
  });
});

describe('selectorShape', () => {
  it.each([
    ['button', 1, 0],
    ['#a', 1, 0],
    ['.md\\:flex.w-1\\/2', 1, 0],
    ['#\\31 23', 1, 0],
    ['[aria-label="a > b c"]', 1, 0],
    ['[data-x=":nth-child(2)"]', 1, 0],
    ['#grid > article:nth-of-type(2) button', 3, 1],
    ['li:first-child a', 2, 1],
    ['div:nth-child(2n+1)>span:nth-of-type(1)', 2, 2],
    ['a b, c d e', 2, 0],
    ['button ', 1, 0],
    ['div \\:host', 2, 0],
    ['.md\\:fade a', 2, 0],
    ['[aria-label="x ] y"] c', 2, 0],
    ["[title='x ] y'] c", 2, 0],
    ['li:not(.a, .b) span', 2, 0],
    ['[title="x ] y"]', 1, 0],
    ["[title='x ] y']", 1, 0],
    ['li:first-child.md\\:flex', 1, 1],
    ['ul\tli', 2, 0],
    ['ul\nli', 2, 0],
  ])('%s → %i parts, %i positional', (selector, compoundParts, positionalParts) => {
    expect(selectorShape(selector)).toEqual({ compoundParts, positionalParts });
  });
});
