// @ts-nocheck
import { describe, expect, it, vi } from 'vitest';
import { LIMITS, parseImport } from '../../src/actions/io';
import { fixture, importOpts, LATER, sampleStore, SITE, stored } from '../fixtures/actions/helpers';

const action = (name: string) => ({ name, steps: [{ event: '$autocapture', selector: `button.b${name.length}`, text: name }] });

describe('parseImport: PostHog-shaped inputs', () => {
  it('reads a PostHog API list response, ignoring server fields and nulls', () => {
    const plan = parseImport(fixture('posthog-list-response.json'), [], importOpts());
    expect(plan).toMatchObject({ ok: true, format: 'posthog-list', warnings: [], counts: { created: 3, updated: 0, skipped: 0, rejected: 0 } });
    expect(plan.actions[0].action).toEqual({
      id: 'new-1', site: SITE, created_at: LATER, updated_at: LATER,
      name: 'Clicked sign up',
      description: 'Any click on the sign-up button in the pricing page hero',
      tags: ['funnel', 'signup'],
      steps: [{ event: '$autocapture', selector: 'main button.signup', text: 'Sign up', text_matching: 'exact', url: '/pricing', url_matching: 'contains' }],
    });
    expect(plan.actions[2].action!.steps).toEqual([
      { event: '$autocapture', properties: [{ key: 'plan', value: ['pro', 'pro-annual'], operator: 'exact', type: 'event' }], selector: '[data-testid="add-to-cart"]', tag_name: 'button' },
      { event: 'cart_item_added', properties: [
        { key: 'plan', value: 'pro', operator: 'icontains', type: 'event' },
        { key: '$browser', value: 'Chrome', operator: 'exact', type: 'event' },
      ] },
    ]);
  });

  it('reads a bare array of create payloads', () => {
    const plan = parseImport(fixture('posthog-array.json'), [], importOpts());
    expect(plan).toMatchObject({ ok: true, format: 'array' });
    expect(plan.actions.map((a) => [a.status, a.name])).toEqual([['created', 'Opened docs from nav'], ['created', 'Submitted checkout']]);
    expect(plan.actions[1].action!.steps).toEqual([
      { event: '$autocapture', selector: 'form#checkout', url: '%/checkout%', url_matching: 'contains' },
      { event: 'checkout_submitted' },
    ]);
  });

  it('reads a single action object', () => {
    const plan = parseImport(fixture('posthog-single.json'), [], importOpts());
    expect(plan).toMatchObject({ ok: true, format: 'single', actions: [{ status: 'created', name: 'Rage-clicked the coupon field' }] });
    expect(plan.actions[0].action!.tags).toEqual(['checkout', 'frustration']);
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseImport(`\uFEFF${fixture('posthog-single.json')}`, [], importOpts()).ok).toBe(true);
  });

  it('skips actions PostHog has soft-deleted', () => {
    const plan = parseImport(JSON.stringify({ results: [{ ...action('Gone'), deleted: true }] }), [], importOpts());
    expect(plan.actions[0]).toMatchObject({ status: 'skipped', reason: 'deleted in PostHog' });
  });

  it('accepts an empty list, with a warning', () => {
    expect(parseImport('[]', [], importOpts())).toMatchObject({ ok: true, actions: [], warnings: ['the file holds no actions'] });
  });

  it('warns when a list response is one page of several', () => {
    const plan = parseImport(JSON.stringify({ next: 'https://us.posthog.com/api/projects/2/actions/?offset=100', results: [action('A')] }), [], importOpts());
    expect(plan.ok).toBe(true);
    expect(plan.warnings).toEqual([expect.stringContaining('next page (https://us.posthog.com/api/projects/2/actions/?offset=100)')]);
  });
});

describe('parseImport: planning against the store', () => {
  it('plans created, updated and skipped side by side, leaving the store untouched', () => {
    const store = sampleStore();
    const before = JSON.stringify(store);
    const file = [
      { name: 'Clicked sign up', description: 'Hero button', tags: ['signup', 'funnel'], steps: store[0].steps },
      { name: 'viewed PRICING', steps: [{ event: '$pageview' }] },
      action('Brand new'),
    ];
    const plan = parseImport(JSON.stringify(file), store, importOpts());
    expect(plan.actions.map((a) => a.status)).toEqual(['skipped', 'updated', 'created']);
    expect(plan.actions[0].reason).toBe('identical to the existing action');
    expect(plan.actions[1].action!.id).toBe(store[1].id);
    expect(JSON.stringify(store)).toBe(before);
  });

  it('rejects a second action with the same name (ignoring case), naming the first, and marks the plan not ok', () => {
    const plan = parseImport(JSON.stringify([action('Checkout'), action('Other'), action('CHECKOUT ')]), [], importOpts());
    expect(plan.ok).toBe(false);
    expect(plan.error).toBeUndefined();
    expect(plan.actions[2]).toMatchObject({ status: 'rejected', reason: '[2].name: duplicate of [0] (names are unique per site, ignoring case)' });
    expect(plan.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 1 });
  });

  it('uses the first of several stored actions with the same name', () => {
    const dupes = [stored({ name: 'Same', steps: [{ event: 'a' }] }), stored({ name: 'same', steps: [{ event: 'b' }] })];
    const plan = parseImport(JSON.stringify([{ name: 'SAME', steps: [{ event: 'c' }] }]), dupes, importOpts());
    expect(plan.actions[0].action!.id).toBe(dupes[0].id);
  });
});

describe('parseImport: size of the file', () => {
  const many = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ name: `Action ${i}`, steps: [{ event: `e${i}` }] })));

  it(`imports ${LIMITS.actions} actions and reports progress every N`, () => {
    const onProgress = vi.fn();
    const plan = parseImport(many(LIMITS.actions), [], importOpts({ onProgress, progressEvery: 1000 }));
    expect(plan.ok).toBe(true);
    expect(plan.counts.created).toBe(LIMITS.actions);
    expect(onProgress.mock.calls.map(([done]) => done)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 10000]);
    expect(onProgress).toHaveBeenLastCalledWith(10000, 10000);
  });

  it(`refuses ${LIMITS.actions + 1} actions as a whole, with a clear message`, () => {
    const plan = parseImport(many(LIMITS.actions + 1), [], importOpts());
    expect(plan).toMatchObject({ ok: false, actions: [] });
    expect(plan.error).toBe('file holds 10,001 actions; at most 10,000 can be imported at once — split the file');
  });

  it('refuses a file over the size cap before parsing it', () => {
    const plan = parseImport(' '.repeat(LIMITS.fileChars + 1), [], importOpts());
    expect(plan).toMatchObject({ ok: false, actions: [] });
    expect(plan.error).toBe(`file is ${LIMITS.fileChars + 1} characters; at most ${LIMITS.fileChars} can be imported`);
  });
});
