// @ts-nocheck
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
    ['legacy groups under an empty filters object', { filters: {}, groups: [{ event_id: 'signup', days: 3 }] } as CohortDefinition, { events: ['signup'], timeRelative: true }],
  ])('%s', (_name, def, expected) => {
    expect(cohortDependencies(def, { cohorts, actions })).toMatchObject(expected);
  });

  it('terminates on a cycle', () => {
    const loop = { a: cohort({ type: 'cohort', value: 'b' }), b: cohort({ type: 'cohort', value: 'a' }) };
    expect(cohortDependencies(loop.a, { cohorts: loop }).cohorts).toEqual(['b', 'a']);
  });
});
