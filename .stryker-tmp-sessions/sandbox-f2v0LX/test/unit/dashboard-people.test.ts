// @ts-nocheck
// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { personsFromEvents } from '../../src/persons';
import { sessionsFromEvents } from '../../src/sessions';
import { generateSiteEvents } from '../fixtures/people-data';
import { ask, domOf } from '../support/dashboard-page';

// The Persons and Sessions views rendered in the dashboard shell, the background answered by its
// real query and cohort handlers over a fake IndexedDB seeded with the people generator.

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'lasso', onConnect: { addListener: () => undefined } } } }));
vi.mock('../../src/messaging/protocol', async (original) =>
  (await import('../support/dashboard-page')).answeredByHandlers(await original<object>(), { 'actions.listAll': [] }),
);

const { registerQueryHandlers } = await import('../../src/background/query-handlers');
const { registerPeopleHandlers } = await import('../../src/background/people-handlers');
const { openLassoDB } = await import('../../src/store/schema');
const { ingestEvents } = await import('../../src/store/events');
const { App } = await import('../../src/dashboard/App');
const { formatOffset, valueText } = await import('../../src/dashboard/persons/format');

const events = [...generateSiteEvents({ seed: 5, persons: 40, start: '2026-10-01T00:00:00.000Z', days: 7 })];
const defined = personsFromEvents(events);
const sessions = sessionsFromEvents(events);
const db = openLassoDB(new IDBFactory());
registerQueryHandlers({ db });
registerPeopleHandlers({ db });

let root: HTMLElement;
const { all, one, until } = domOf(() => root);
const rowTexts = (label: string) => all(`[aria-label="${label}"] [role="row"].table-row`).map((r) => [...r.querySelectorAll('[role="cell"]')].map((c) => c.textContent ?? ''));
const loaded = () => !/Loading/.test(one('[data-testid="list-count"]').textContent ?? '');
async function open(hash: string) {
  window.location.hash = hash;
  await act(() => render(h(App, null), root));
}
function type(el: HTMLElement, value: string, event = 'input') {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
}

beforeAll(async () => {
  const store = await db;
  for (let i = 0; i < events.length; i += 500) await ingestEvents(store, events.slice(i, i + 500));
});
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

describe('Persons view', () => {
  it('lists every person with its ids, first / last seen and event count; a search by id prefix goes into the route and narrows the list', async () => {
    await open('#/persons');
    await until('the first page', () => loaded() && rowTexts('Persons').length > 0);
    const firstIds = (p: { distinct_ids: string[] }) => p.distinct_ids[0];
    expect(rowTexts('Persons').map((r) => r[1].replace(/ \+\d+$/, '')).sort()).toEqual(defined.persons.map(firstIds).sort());
    const counts = new Map(rowTexts('Persons').map((r) => [r[1].replace(/ \+\d+$/, ''), r[5]]));
    for (const p of defined.persons) expect(counts.get(firstIds(p))).toBe(String(events.filter((e) => p.distinct_ids.includes(e.distinct_id)).length));

    const prefix = defined.persons.find((p) => p.is_identified)!.distinct_ids.at(-1)!.slice(0, 4);
    await act(() => type(one('[data-testid="persons-search"]'), prefix));
    expect(window.location.hash).toBe(`#/persons?q=${encodeURIComponent(prefix)}`);
    const matching = defined.persons.filter((p) => p.distinct_ids.some((id) => id.startsWith(prefix)));
    await until('the search result', () => loaded() && rowTexts('Persons').length === matching.length);
    expect(rowTexts('Persons').map((r) => r[1].replace(/ \+\d+$/, '')).sort()).toEqual(matching.map(firstIds).sort());
  });

  it('Enter on a row opens the profile: every distinct id, the properties personsFromEvents gives, warnings, sessions, events and cohorts', async () => {
    const person = defined.persons.find((p) => p.distinct_ids.length > 1)!;
    const last = person.distinct_ids.at(-1)!;
    await ask('cohorts.save', { cohort: { name: 'Picked by hand', definition: { is_static: true, distinct_ids: [last] } } });
    await open('#/persons?q=' + encodeURIComponent(last));
    await until('the row', () => loaded() && rowTexts('Persons').length === 1);
    await act(() => void one('[aria-label="Persons"] .table-row').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(window.location.hash).toBe(`#/persons/${encodeURIComponent(person.distinct_ids[0])}`);
    await until('the profile', () => !!root.querySelector('[data-testid="person-ids"]') && !!root.querySelector('[data-testid="person-cohort"]'));
    expect(all('[data-testid="person-ids"] li').map((li) => li.textContent)).toEqual(person.distinct_ids);
    const shown = Object.fromEntries(all('[data-testid="person-properties"] .fact').map((f) => [f.dataset.key, f.querySelector('dd')!.textContent]));
    expect(shown).toEqual(Object.fromEntries(Object.entries(person.properties).map(([k, v]) => [k, valueText(v)])));
    const mine = events.filter((e) => person.distinct_ids.includes(e.distinct_id));
    // Each "set by" links to one of the person's own events.
    const setBy = all('[data-testid="person-properties"] .source a');
    expect(setBy.length).toBeGreaterThan(0);
    const own = new Set(mine.map((e) => `#/events/${e.uuid}`));
    expect(setBy.filter((a) => !own.has(a.getAttribute('href')!))).toEqual([]);
    expect(one('[data-testid="person-event-count"]').textContent).toBe(String(mine.length));
    expect(rowTexts('Sessions of this person')).toHaveLength(Math.min(20, new Set(mine.map((e) => e.properties.$session_id)).size));
    expect(rowTexts('Latest events of this person')).toHaveLength(Math.min(20, mine.length));
    expect(all('[data-testid="person-cohort"]').map((c) => c.textContent)).toEqual(['Picked by hand']);
  });

  it('ticked persons become a static cohort: ticking never opens the row, the editor opens static with every id of each, and saved its members are exactly them', async () => {
    const multi = defined.persons.find((p) => p.distinct_ids.length > 1)!;
    const single = defined.persons.find((p) => p.distinct_ids.length === 1)!;
    await open('#/persons');
    await until('the first page', () => loaded() && rowTexts('Persons').length > 0);
    expect(one('[data-testid="persons-selection"]').textContent).toContain('Tick persons');
    const tick = async (person: { distinct_ids: string[] }) => {
      const box = all('[data-testid="person-select"]').find((b) => b.getAttribute('aria-label') === `Select ${person.distinct_ids[0]}`) as HTMLInputElement;
      // A click ticks it (and bubbles to the row); Enter on it bubbles too: neither opens the profile.
      await act(() => box.click());
      expect(box.checked).toBe(true);
      await act(() => void box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    };
    await tick(multi);
    await tick(single);
    expect(window.location.hash).toBe('#/persons');
    expect(one('[data-testid="persons-selection"] [role="status"]').textContent).toBe('2 persons selected');
    await act(() => one('[data-testid="persons-to-cohort"]').click());
    const ids = [...multi.distinct_ids, ...single.distinct_ids];
    expect(new URLSearchParams(window.location.hash.split('?')[1]).getAll('ids')).toEqual(ids);
    await until('the editor', () => !!root.querySelector('[data-testid="cohort-ids"]'));
    expect(one<HTMLInputElement>('input[name="cohort-kind"][value="static"]').checked).toBe(true);
    expect(one<HTMLTextAreaElement>('[data-testid="cohort-ids"]').value.split('\n')).toEqual(ids);
    await act(() => type(one('[data-testid="cohort-name"]'), 'Two picked'));
    await act(() => one('[data-testid="cohort-save"]').click());
    await until('saved', () => /^#\/cohorts\/[^n]/.test(window.location.hash));
    const saved = ((await ask('cohorts.list', {})) as { id: string; name: string }[]).find((c) => c.name === 'Two picked')!;
    const { members } = (await ask('cohorts.members', { id: saved.id })) as { members: { distinct_ids: string[] }[] };
    expect(members.map((m) => m.distinct_ids[0]).sort()).toEqual([multi.distinct_ids[0], single.distinct_ids[0]].sort());
  });

  it('a property search (set, then equal to a value) goes into the route and lists exactly those persons', async () => {
    await open('#/persons?q=x');
    await act(() => type(one('[data-testid="persons-prop"]'), 'email'));
    expect(window.location.hash).toBe('#/persons?prop=email');
    const withEmail = defined.persons.filter((p) => p.properties.email !== undefined);
    await until('persons with an email', () => loaded() && rowTexts('Persons').length === withEmail.length);
    const email = String(withEmail[0].properties.email);
    await act(() => type(one('[data-testid="persons-value"]'), email));
    expect(window.location.hash).toBe(`#/persons?prop=email&value=${encodeURIComponent(email)}`);
    await until('the one person', () => loaded() && rowTexts('Persons').length === 1);
    expect(rowTexts('Persons')[0][1].replace(/ \+\d+$/, '')).toBe(withEmail[0].distinct_ids[0]);
  });

  it('a request the background refuses shows its reason in its own words, with Try again', async () => {
    await open(`#/persons/${'x'.repeat(201)}`);
    await until('the error', () => !!root.querySelector('[data-testid="error"]'));
    expect(one('[data-testid="error"]').textContent).toMatch(/^Could not load this person: distinctId: /);
    expect(one('[data-testid="error"] button').textContent).toBe('Try again');
  });

  it('an unknown distinct id says no person has it and links back to the list', async () => {
    await open('#/persons/nobody-at-all');
    await until('the empty state', () => !!root.querySelector('[data-testid="person-unknown"]'));
    expect(one('[data-testid="person-unknown"]').textContent).toContain('No person has the distinct id “nobody-at-all”');
    expect(one('[data-testid="person-unknown"] a').getAttribute('href')).toBe('#/persons');
  });
});

describe('Sessions view', () => {
  const newestFirst = [...sessions].sort((a, b) => Date.parse(String(b.$start_timestamp)) - Date.parse(String(a.$start_timestamp)));

  it('lists sessions newest first in pages of 50 ("Load more"), and a channel filter goes into the route and narrows them', async () => {
    await open('#/sessions');
    await until('the first page', () => loaded() && rowTexts('Sessions').length > 0);
    expect(rowTexts('Sessions')).toHaveLength(50);
    await act(() => one('[data-testid="load-more"]').click());
    await until('the second page', () => loaded() && rowTexts('Sessions').length > 50);
    expect(rowTexts('Sessions')).toHaveLength(Math.min(100, sessions.length));

    const channel = String(newestFirst[0].$channel_type);
    await act(() => type(one('[data-testid="sessions-channel"]'), channel, 'change'));
    expect(window.location.hash).toBe(`#/sessions?channel=${encodeURIComponent(channel).replace(/%20/g, '+')}`);
    const expected = newestFirst.filter((s) => s.$channel_type === channel);
    await until('the filtered list', () => loaded() && rowTexts('Sessions').length === Math.min(50, expected.length));
    expect(rowTexts('Sessions').every((r) => r[5] === channel)).toBe(true);
  });

  it('a filter value it cannot read is named, with what it expects', async () => {
    await open('#/sessions?bounce=maybe');
    await until('the problem', () => !!root.querySelector('[data-testid="filter-problems"]'));
    expect(one('[data-testid="filter-problems"]').textContent).toBe('bounce: expected “yes” or “no”, got “maybe”');
  });

  it('a session page shows its events on a timeline, oldest first with offsets from the start, and the duration and channel sessionsFromEvents gives', async () => {
    const session = [...sessions].sort((a, b) => Number(b.$pageview_count) - Number(a.$pageview_count))[0];
    const id = String(session.$session_id);
    await open(`#/sessions/${id}`);
    await until('the timeline', () => all('[data-testid="session-timeline"] li').length > 0);
    const own = events.filter((e) => e.properties.$session_id === id).sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || (a.uuid < b.uuid ? -1 : 1));
    const start = Date.parse(String(session.$start_timestamp));
    expect(all('[data-testid="session-timeline"] li').map((li) => li.dataset.uuid)).toEqual(own.map((e) => e.uuid));
    expect(all('[data-testid="session-timeline"] .offset').map((o) => o.textContent)).toEqual(own.map((e) => formatOffset(Date.parse(e.timestamp) - start)));
    expect(one('[data-testid="session-timeline"] li a').getAttribute('href')).toBe(`#/events/${own[0].uuid}`);
    const fact = (key: string) => one(`[data-testid="session-facts"] [data-key="${key}"]`).dataset.value;
    expect(fact('$session_duration')).toBe(String(session.$session_duration));
    expect(fact('$channel_type')).toBe(String(session.$channel_type));
    expect(fact('$entry_current_url')).toBe(String(session.$entry_current_url));
  });
});
