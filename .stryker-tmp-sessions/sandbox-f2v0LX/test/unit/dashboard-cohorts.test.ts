// @ts-nocheck
// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask, domOf } from '../support/dashboard-page';

// The Cohorts view in the dashboard shell: the builder's controls edit the PostHog JSON shown,
// the validator's errors sit next to the condition they name and block saving, a static cohort's
// malformed CSV lines are named by number; the background is the real cohort handlers over a
// fake IndexedDB.

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso', onConnect: { addListener: () => undefined } } } }));
vi.mock('../../src/messaging/protocol', async (original) =>
  (await import('../support/dashboard-page')).answeredByHandlers(await original<object>(), { 'actions.listAll': [] }),
);

const { registerQueryHandlers } = await import('../../src/background/query-handlers');
const { registerPeopleHandlers } = await import('../../src/background/people-handlers');
const { openLassoDB } = await import('../../src/store/schema');
const { App } = await import('../../src/dashboard/App');
const { ingestEvents } = await import('../../src/store/events');
const { generateSiteEvents } = await import('../fixtures/people-data');
const { personsFromEvents } = await import('../../src/persons');

const db = openLassoDB(new IDBFactory());
registerQueryHandlers({ db });
registerPeopleHandlers({ db });

let root: HTMLElement;
const byLabel = <T extends HTMLElement>(label: string): T => {
  const found = root.querySelector<T>(`[aria-label="${label}"]`);
  if (!found) throw new Error(`no control "${label}" in ${root.textContent?.slice(0, 400)}`);
  return found;
};
const byTestId = <T extends HTMLElement>(id: string): T => {
  const found = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no ${id} in ${root.textContent?.slice(0, 400)}`);
  return found;
};
const { until } = domOf(() => root);
async function set(el: HTMLElement, value: string, event: 'input' | 'change') {
  (el as HTMLInputElement).value = value;
  await act(() => void el.dispatchEvent(new Event(event, { bubbles: true })));
}
const click = (el: HTMLElement) => act(() => el.click());
const json = () => JSON.parse(byTestId<HTMLTextAreaElement>('cohort-json').value);
async function open(hash: string) {
  window.location.hash = hash;
  await act(() => render(h(App, null), root));
  await until('the view to load', () => !/Loading the cohort/.test(root.textContent ?? ''));
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

describe('Cohorts view', () => {
  it('with no cohorts, says what to do next', async () => {
    await open('#/cohorts');
    await until('the empty state', () => root.querySelector('[data-testid="empty-state"]') !== null);
    expect(byTestId('empty-state').textContent).toContain('Build a cohort of people who did something, or import one from PostHog');
  });

  it('builder: add a group, add a condition, change its operator — the JSON follows', async () => {
    await open('#/cohorts/new');
    expect(json()).toEqual({ filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [expect.objectContaining({ type: 'behavioral', value: 'performed_event', key: '$pageview' })] }] } } });
    await click(byLabel('Group 1: add group'));
    expect(json().filters.properties.values).toHaveLength(2);
    await click(byLabel('Group 1, group 2: add condition'));
    await set(byLabel('Group 1, group 2, condition 2: property'), 'plan', 'input');
    await set(byLabel('Group 1, group 2, condition 2: operator'), 'is_set', 'change');
    expect(json().filters.properties.values[1].values[1]).toEqual({ type: 'person', key: 'plan', operator: 'is_set' });
    await set(byLabel('Group 1, group 1, condition 1: kind'), 'performed_event_multiple', 'change');
    await set(byLabel('Group 1, group 1, condition 1: count operator'), 'lt', 'change');
    await set(byLabel('Group 1, group 1, condition 1: count'), '3', 'input');
    expect(json().filters.properties.values[0].values[0]).toMatchObject({ value: 'performed_event_multiple', key: '$pageview', operator: 'lt', operator_value: 3 });
    await set(byLabel('Group 1: match'), 'AND', 'change');
    expect(json().filters.properties.type).toBe('AND');
  });

  it('a behavioral condition takes event property filters (PostHog’s event_filters); "restarted" offers none and drops them', async () => {
    await open('#/cohorts/new');
    await set(byLabel('Group 1, group 1, condition 1: event filter Property name'), '$browser', 'input');
    await set(byLabel('Group 1, group 1, condition 1: event filter Property value'), 'Chrome', 'input');
    await click(byLabel('Group 1, group 1, condition 1: event filter Add filter'));
    await set(byLabel('Group 1, group 1, condition 1: event filter Property name'), '$current_url', 'input');
    await set(byLabel('Group 1, group 1, condition 1: event filter Operator'), 'icontains', 'change');
    await set(byLabel('Group 1, group 1, condition 1: event filter Property value'), '/pricing', 'input');
    await click(byLabel('Group 1, group 1, condition 1: event filter Add filter'));
    const leaf = () => json().filters.properties.values[0].values[0];
    expect(leaf().event_filters).toEqual([
      { key: '$browser', operator: 'exact', value: 'Chrome', type: 'event' },
      { key: '$current_url', operator: 'icontains', value: '/pricing', type: 'event' },
    ]);
    expect(root.querySelector('[data-testid="leaf-errors"]')).toBeNull();
    await click(byLabel('Group 1, group 1, condition 1: event filter Remove filter $browser exact Chrome'));
    expect(leaf().event_filters).toEqual([{ key: '$current_url', operator: 'icontains', value: '/pricing', type: 'event' }]);
    await set(byLabel('Group 1, group 1, condition 1: kind'), 'performed_event_multiple', 'change');
    expect(leaf().event_filters).toHaveLength(1);
    await set(byLabel('Group 1, group 1, condition 1: kind'), 'restarted_performing_event', 'change');
    expect(leaf().event_filters).toBeUndefined();
    expect(root.querySelector('[aria-label="Group 1, group 1, condition 1: event filter Property name"]')).toBeNull();
  });

  it('an invalid condition shows the validator’s error next to it and blocks saving; fixed, it saves', async () => {
    await open('#/cohorts/new');
    await set(byTestId('cohort-name'), 'Pro users', 'input');
    await click(byLabel('Group 1, group 1: add condition'));
    const leaves = () => [...root.querySelectorAll<HTMLElement>('[data-testid="cohort-leaf"]')];
    expect(leaves()[1].querySelector('[data-testid="leaf-errors"]')?.textContent).toBe('filters.properties.values[0].values[1].key: the property key must be a non-empty string');
    expect(leaves()[0].querySelector('[data-testid="leaf-errors"]')).toBeNull();
    expect(byLabel('Group 1, group 1, condition 2: property').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId<HTMLButtonElement>('cohort-save').disabled).toBe(true);

    await set(byLabel('Group 1, group 1, condition 2: property'), 'plan', 'input');
    await set(byLabel('Group 1, group 1, condition 2: operator'), 'gt', 'change');
    await set(byLabel('Group 1, group 1, condition 2: value'), 'pro', 'input');
    expect(leaves()[1].querySelector('[data-testid="leaf-errors"]')?.textContent).toMatch(/values\[1\]\.value: 'pro' is not a number; 'gt' compares numbers/);
    expect(byTestId<HTMLButtonElement>('cohort-save').disabled).toBe(true);

    await set(byLabel('Group 1, group 1, condition 2: operator'), 'exact', 'change');
    expect(root.querySelector('[data-testid="leaf-errors"]')).toBeNull();
    expect(byTestId<HTMLButtonElement>('cohort-save').disabled).toBe(false);
    const built = json();
    await click(byTestId('cohort-save'));
    await until('the saved cohort’s page', () => /^#\/cohorts\/[\w-]+$/.test(window.location.hash) && !window.location.hash.endsWith('/new'));
    const saved = (await ask('cohorts.list', {})) as { name: string; definition: unknown }[];
    expect(saved.find((c) => c.name === 'Pro users')?.definition).toEqual(built);
    // The members section is only on a saved cohort's page: the editor of the new one is gone.
    await until('the saved cohort in the editor', () => root.querySelector('[data-testid="cohort-member-count"]') !== null);
    expect(json()).toEqual(built);
    expect(byTestId<HTMLInputElement>('cohort-name').value).toBe('Pro users');
    await set(byTestId('cohort-name'), 'Pro buyers', 'input');
    await click(byTestId('cohort-save'));
    await until('the second save', () => root.querySelector('[data-testid="cohort-save-status"]')?.textContent === 'Saved “Pro buyers”.');
    expect(((await ask('cohorts.list', {})) as { name: string }[]).map((c) => c.name)).toEqual(['Pro buyers']);
  });

  it('negating the only condition shows PostHog’s refusal at Group 1 and blocks saving', async () => {
    await open('#/cohorts/new');
    await set(byTestId('cohort-name'), 'Nobody', 'input');
    const not = byLabel<HTMLInputElement>('Group 1, group 1, condition 1: not');
    not.checked = true;
    await act(() => void not.dispatchEvent(new Event('change', { bubbles: true })));
    expect(json().filters.properties.values[0].values[0].negation).toBe(true);
    const groupErrors = [...root.querySelectorAll('[data-testid="group-errors"]')];
    expect(groupErrors).toHaveLength(1);
    expect(groupErrors[0].closest('fieldset')?.querySelector('legend')?.textContent).toBe('Group 1');
    expect(groupErrors[0].textContent).toMatch(/^filters\.properties: every condition is negated .*Top level condition cannot be negated/);
    expect(byTestId<HTMLButtonElement>('cohort-save').disabled).toBe(true);
  });

  it('a static cohort names its malformed CSV lines by number and cannot be saved until they are fixed', async () => {
    await open('#/cohorts/new');
    await set(byTestId('cohort-name'), 'From CSV', 'input');
    await act(() => root.querySelector<HTMLInputElement>('input[value="static"]')!.click());
    await set(byTestId('cohort-ids'), 'u1\nu2,u3\nu4', 'input');
    expect([...byTestId('csv-problems').querySelectorAll('li')].map((l) => l.textContent)).toEqual(['Line 2: 2 values ("u2", "u3"); put one distinct id per line']);
    expect(byTestId<HTMLButtonElement>('cohort-save').disabled).toBe(true);
    await set(byTestId('cohort-ids'), 'u1\nu2\nu4', 'input');
    expect(root.querySelector('[data-testid="csv-problems"]')).toBeNull();
    expect(json()).toEqual({ is_static: true, distinct_ids: ['u1', 'u2', 'u4'] });
    expect(byTestId<HTMLButtonElement>('cohort-save').disabled).toBe(false);
  });

  it('the list shows name, kind and member count; delete asks first (Cancel focused, Escape cancels), then deletes', async () => {
    const events = [...generateSiteEvents({ seed: 3, persons: 6, start: '2026-10-01T00:00:00.000Z', days: 1 })];
    await ingestEvents(await db, events);
    const ids = personsFromEvents(events).persons.slice(0, 2).map((p) => p.distinct_ids[0]);
    await ask('cohorts.save', { cohort: { name: 'Two people', definition: { is_static: true, distinct_ids: [...ids, 'nobody-has-this-id'] } } });
    await open('#/cohorts');
    const row = () => [...root.querySelectorAll<HTMLElement>('[data-testid="cohort-row"]')].find((r) => r.textContent?.startsWith('Two people'));
    await until('the member count', () => row()?.querySelector('[data-testid="cohort-row-count"]')?.textContent === '2');
    expect([...row()!.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent)).toEqual(['Two people', 'static', '2']);

    await click(byLabel('Delete Two people'));
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(root.querySelector('[aria-label="Delete Two people?"]')).toBeNull();
    await click(byLabel('Delete Two people'));
    await click([...root.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === 'Yes, delete')!);
    await until('the row to go', () => row() === undefined);
    expect(((await ask('cohorts.list', {})) as { name: string }[]).map((c) => c.name)).not.toContain('Two people');
  });
});
