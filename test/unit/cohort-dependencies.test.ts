// What a cohort's members depend on (for the store's cache).
import { describe, expect, it } from 'vitest';
import { cohortDependencies } from '../../src/cohorts';
import type { CohortDefinition } from '../../src/cohorts';
import { cohort, didEvent, has, NOW } from '../support/cohorts';

const action = (id: string, steps: Array<{ event?: string; properties?: Array<{ key: string; type: 'person' | 'event'; value?: string }> }>) =>
  ({ id, site: 's', name: id, created_at: NOW, updated_at: NOW, steps });

describe('cohortDependencies', () => {
  const cohorts: Record<string, CohortDefinition> = {
    props: cohort(has('plan')),
    viaAction: cohort({ type: 'behavioral', value: 'performed_event', key: 'buy', event_type: 'actions', time_value: 7, time_interval: 'day' }),
    nested: cohort({ type: 'cohort', value: 'props' }, { type: 'cohort', value: 'viaAction' }),
    listed: { is_static: true, distinct_ids: ['a'] },
  };
  const actions = { buy: action('buy', [{ event: 'purchase' }, { event: 'checkout', properties: [{ key: 'tier', type: 'person', value: 'x' }] }]), any: action('any', [{}]) };
  it.each<[string, CohortDefinition, object]>([
    ['person properties only', cohorts.props, { cohorts: [], actions: [], events: [], personProperties: true, timeRelative: false }],
    ['a relative date operator is time-relative', cohort({ type: 'person', key: 'd', operator: 'is_date_after', value: '-7d' }), { personProperties: true, timeRelative: true }],
    ['an event leaf', cohort(has('a'), didEvent('$pageview')), { events: ['$pageview'], timeRelative: true }],
    ['through cohorts and an action', cohorts.nested, { cohorts: ['props', 'viaAction'], actions: ['buy'], events: ['purchase', 'checkout'], personProperties: true, timeRelative: true }],
    ['an action step with no event matches any event', cohort({ type: 'behavioral', value: 'performed_event', key: 'any', event_type: 'actions', time_value: 1, time_interval: 'day' }), { actions: ['any'], events: 'any' }],
    ['a static cohort reads none of them', cohort({ type: 'cohort', value: 'listed' }), { cohorts: ['listed'], actions: [], events: [], personProperties: false, timeRelative: false }],
    ['legacy groups', { groups: [{ properties: [{ key: 'plan', value: 'pro' }] }, { event_id: 'signup', days: 3 }] }, { events: ['signup'], personProperties: true, timeRelative: true }],
    // compile.ts reads `groups` when `filters` is an empty object (PostHog's Cohort.properties): so must the cache.
    // legacy.ts reads a `{key: value}` map and a nested group under `properties`: so must the cache.
    ['legacy properties as a {key: value} map are person properties', { groups: [{ properties: { plan: 'pro' } }] } as CohortDefinition, { events: [], personProperties: true, timeRelative: false }],
    ['a behavioral leaf in a legacy group nested under properties', { groups: [{ properties: { type: 'AND', values: [{ type: 'behavioral', value: 'performed_event', key: 'signup', event_type: 'events', time_value: 3, time_interval: 'day' }] } }] } as CohortDefinition, { events: ['signup'], personProperties: false, timeRelative: true }],
    ['legacy groups under an empty filters object', { filters: {}, groups: [{ event_id: 'signup', days: 3 }] } as CohortDefinition, { events: ['signup'], timeRelative: true }],
    ['precalculated-cohort is followed like cohort', cohort({ type: 'precalculated-cohort', value: 'viaAction' }), { cohorts: ['viaAction'], actions: ['buy'], events: ['purchase', 'checkout'] }],
    // PostHog's API returns static cohorts with their (unused) filters too: compile.ts ignores them, so must the cache.
    ['a static cohort that still carries filters', { is_static: true, distinct_ids: ['a'], ...cohorts.viaAction } as CohortDefinition, { cohorts: [], actions: [], events: [], personProperties: false, timeRelative: false }],
    ['a legacy action group', { groups: [{ action_id: 'buy', days: 3 }] }, { actions: ['buy'], events: ['purchase', 'checkout'], personProperties: true }],
    // Event filters are not person properties.
    ['event filters of a behavioral leaf', cohort({ ...didEvent('$pageview'), event_filters: [{ key: '$pathname', value: '/', type: 'event' }] } as never), { events: ['$pageview'], personProperties: false }],
  ])('%s', (_name, def, expected) => {
    expect(cohortDependencies(def, { cohorts, actions })).toMatchObject(expected);
  });

  // Only a relative value of an is_date_* operator makes person properties depend on the clock
  // (relative values as the action engine reads them: src/actions/dates.ts).
  it.each<[string, string, unknown, boolean]>([
    ['is_date_after', 'relative days', '-30d', true],
    ['is_date_before', "the '-' is optional", '7d', true],
    ['is_date_after', 'spaces around it', ' -2w ', true],
    ['is_date_before', 'an ISO date', '2026-11-01', false],
    ['exact', 'not a date operator', '-7d', false],
  ])('%s %s: timeRelative %s', (operator, _why, value, timeRelative) => {
    const def = cohort({ type: 'person', key: 'signed_up', operator, value } as never);
    expect(cohortDependencies(def)).toMatchObject({ personProperties: true, timeRelative });
  });

  it('an action that is not in the context: its id, no events of its steps', () => {
    const def = cohort({ type: 'behavioral', value: 'performed_event', key: 'gone', event_type: 'actions', time_value: 7, time_interval: 'day' });
    expect(cohortDependencies(def)).toMatchObject({ actions: ['gone'], events: [] });
    expect(cohortDependencies(def, { actions })).toMatchObject({ actions: ['gone'], events: [] });
  });

  it('terminates on a cycle', () => {
    const loop = { a: cohort({ type: 'cohort', value: 'b' }), b: cohort({ type: 'cohort', value: 'a' }) };
    expect(cohortDependencies(loop.a, { cohorts: loop }).cohorts).toEqual(['b', 'a']);
  });
});
