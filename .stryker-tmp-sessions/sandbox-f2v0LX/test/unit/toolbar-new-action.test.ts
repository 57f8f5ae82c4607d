// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { draftProblems, draftToAction, newActionDraft, pageUrlPattern, updateStep } from '../../src/toolbar/draft';

describe('the URL a new page-view action looks for', () => {
  it.each([
    ['origin and path', 'https://shop.test/cart', 'https://shop.test/cart'],
    ['the query is left out', 'https://shop.test/search?q=shoes&utm_source=x', 'https://shop.test/search'],
    ['a plain anchor is left out', 'https://shop.test/docs#install', 'https://shop.test/docs'],
    ['a hash route is kept', 'http://127.0.0.1:5174/app/#/orders/7', 'http://127.0.0.1:5174/app/#/orders/7'],
    ['a hashbang route is kept, without its query', 'https://shop.test/#!/cart?step=2', 'https://shop.test/#!/cart'],
    ['the port is kept', 'http://localhost:3000/', 'http://localhost:3000/'],
    ['not a URL', 'not a url', ''],
  ])('%s', (_name, url, expected) => expect(pageUrlPattern(url)).toBe(expected));
});

describe('"New action" without picking an element', () => {
  it.each([
    ['page view', 'pageview' as const, { event: '$pageview', url: 'https://shop.test/cart', url_matching: 'contains' }, []],
    // A custom event starts with its name empty (any event) for the user to fill in.
    ['custom event', 'event' as const, {}, []],
  ])('%s', (_name, start, step, problems: string[]) => {
    const draft = newActionDraft(start, 'shop.test', 'https://shop.test/cart?x=1#top');
    expect(draft.site).toBe('shop.test');
    expect(draft.id).toBeUndefined();
    expect(draftToAction({ ...draft, name: 'N' }).steps).toEqual([step]);
    expect([...draftProblems(draft).keys()]).toEqual(problems);
  });

  it('a custom event with a name is a valid action', () => {
    const draft = updateStep({ ...newActionDraft('event', 'shop.test', 'https://shop.test/'), name: 'Signed up' }, 0, { event: 'signed_up' });
    expect(draftProblems(draft, { requireName: true }).size).toBe(0);
    expect(draftToAction(draft).steps).toEqual([{ event: 'signed_up' }]);
  });
});
