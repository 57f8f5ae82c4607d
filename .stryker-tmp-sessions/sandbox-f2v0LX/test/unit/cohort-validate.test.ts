// @ts-nocheck
// Invalid cohort definitions: each is an error naming the offending part by path. The checks
// mirror PostHog's (PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py
// parse_and_validate_positive_integer, validate_interval, count operators, empty groups;
// posthog/models/cohort/validation.py for cohort references).
import { describe, expect, it } from 'vitest';
import { CohortValidationError, membersOf, validateCohort } from '../../src/cohorts';
import type { CohortContext } from '../../src/cohorts';
import { and, cohort, has, NOW, or, person, tree } from '../support/cohorts';

const pageview = { type: 'behavioral', value: 'performed_event', key: '$pageview', event_type: 'events', time_value: 7, time_interval: 'day' };
const actions = { a1: { id: 'a1', site: 's', name: 'A', created_at: NOW, updated_at: NOW, steps: [{ event: 'x' }] } };

describe('invalid definitions name the offending part', () => {
  it.each<[string, unknown, string, RegExp, CohortContext?]>([
    ['unknown operator', tree(or(and(has('a')), and({ type: 'person', key: 'plan', value: 'x', operator: 'foo' } as never))), 'filters.properties.values[1].values[0].operator', /unknown operator 'foo'/],
    ['regex RE2 rejects', cohort({ type: 'person', key: 'e', value: '(?=x)', operator: 'regex' }), 'filters.properties.values[0].values[0].value', /not a valid RE2/],
    ['number operator on a word', cohort({ type: 'person', key: 'age', value: 'old', operator: 'gt' }), 'filters.properties.values[0].values[0].value', /not a number/],
    ['unknown condition type', cohort({ type: 'event', key: 'x' } as never), 'filters.properties.values[0].values[0].type', /unknown condition type 'event'/],
    ['non-boolean negation', cohort({ ...has('a'), negation: 'yes' } as never), 'filters.properties.values[0].values[0].negation', /true or false/],
    ['unknown behavioral kind', cohort({ ...pageview, value: 'did_stuff' } as never), 'filters.properties.values[0].values[0].value', /unknown behavioral filter 'did_stuff'/],
    ['a PostHog kind Lasso does not evaluate', cohort({ ...pageview, value: 'performed_event_sequence' } as never), 'filters.properties.values[0].values[0].value', /does not evaluate yet/],
    ['missing time_value', cohort({ ...pageview, time_value: undefined } as never), 'filters.properties.values[0].values[0].time_value', /is required/],
    ['zero time_value', cohort({ ...pageview, time_value: 0 } as never), 'filters.properties.values[0].values[0].time_value', /above 0/],
    ['fractional time_value', cohort({ ...pageview, time_value: '7.5' } as never), 'filters.properties.values[0].values[0].time_value', /whole number/],
    ['minute interval', cohort({ ...pageview, time_interval: 'minute' } as never), 'filters.properties.values[0].values[0].time_interval', /as months/],
    ['unknown interval', cohort({ ...pageview, time_interval: 'fortnight' } as never), 'filters.properties.values[0].values[0].time_interval', /unknown interval 'fortnight'/],
    ['bad event_type', cohort({ ...pageview, event_type: 'pages' } as never), 'filters.properties.values[0].values[0].event_type', /'events' or 'actions'/],
    ['blank event name', cohort({ ...pageview, key: '' } as never), 'filters.properties.values[0].values[0].key', /non-empty/],
    ['unknown action', cohort({ ...pageview, event_type: 'actions', key: 'nope' } as never), 'filters.properties.values[0].values[0].key', /unknown action 'nope'/, { actions }],
    ['person event filter', cohort({ ...pageview, event_filters: [{ key: 'x', type: 'person' }] } as never), 'filters.properties.values[0].values[0].event_filters[0].type', /takes 'event' or 'element' filters here, not 'person'/],
    ['element filter on performed_event_multiple', cohort({ ...pageview, value: 'performed_event_multiple', operator: 'gte', operator_value: 1, event_filters: [{ key: 'text', value: 'x', type: 'element' }] } as never), 'filters.properties.values[0].values[0].event_filters[0].type', /takes 'event' filters here, not 'element'/],
    ['event filters PostHog ignores (restarted)', cohort({ ...pageview, value: 'restarted_performing_event', seq_time_value: 1, seq_time_interval: 'day', event_filters: [{ key: 'x', value: 'y', type: 'event' }] } as never), 'filters.properties.values[0].values[0].event_filters', /PostHog ignores event filters/],
    ['count operator', cohort({ ...pageview, value: 'performed_event_multiple', operator: 'between', operator_value: 2 } as never), 'filters.properties.values[0].values[0].operator', /unknown count operator 'between'/],
    ['missing count', cohort({ ...pageview, value: 'performed_event_multiple', operator: 'gte' } as never), 'filters.properties.values[0].values[0].operator_value', /is required/],
    ['missing seq window', cohort({ ...pageview, value: 'stopped_performing_event' } as never), 'filters.properties.values[0].values[0].seq_time_value', /is required/],
    ['seq window longer than the window', cohort({ ...pageview, value: 'restarted_performing_event', seq_time_value: 2, seq_time_interval: 'week' } as never), 'filters.properties.values[0].values[0].seq_time_value', /must not be longer/],
    ['an explicit date PostHog cannot read', cohort({ ...pageview, explicit_datetime: 'last week' } as never), 'filters.properties.values[0].values[0].explicit_datetime', /'last week' is not a date/],
    ['an end date without a start date', cohort({ ...pageview, explicit_datetime_to: '-7d' } as never), 'filters.properties.values[0].values[0].explicit_datetime_to', /needs a start date/],
    ['explicit dates on stopped_performing_event', cohort({ ...pageview, value: 'stopped_performing_event', explicit_datetime: '-30d', seq_time_value: 7, seq_time_interval: 'day' } as never), 'filters.properties.values[0].values[0].explicit_datetime', /counts back with time_value/],
    ['unknown cohort', cohort({ type: 'cohort', value: 'ghost' }), 'filters.properties.values[0].values[0].value', /unknown cohort 'ghost'/],
    ['two cohorts in one leaf', cohort({ type: 'cohort', value: ['a', 'b'] } as never), 'filters.properties.values[0].values[0].value', /exactly one cohort/],
    ['empty group', tree(or(and(has('a')), and())), 'filters.properties.values[1].values', /empty/],
    ['groups mixed with conditions', tree(or(and(has('a')), has('b') as never)), 'filters.properties.values', /mixes groups and conditions/],
    ['group type', tree({ type: 'XOR', values: [has('a')] } as never), 'filters.properties.type', /'AND' or 'OR'/],
    ['no filters', { name: 'empty' }, 'filters', /no filters/],
    ['a static cohort without ids', { is_static: true }, 'distinct_ids', /list of strings/],
    ['a static cohort with a blank id', { is_static: true, distinct_ids: ['a', ''] }, 'distinct_ids[1]', /non-empty string/],
    ['a legacy group with nothing', { groups: [{ days: 3 }] }, 'groups[0]', /needs properties, action_id or event_id/],
    ['an invalid referenced cohort', cohort({ type: 'cohort', value: 'b' }), 'cohorts["b"].filters.properties.values[0].values[0].operator', /unknown operator/, { cohorts: { b: cohort({ type: 'person', key: 'k', operator: 'nope' } as never) } }],
    ['now is not a date', cohort(has('a')), 'now', /not a date/, { now: 'yesterday' }],
  ])('%s', (_name, def, path, message, ctx = {}) => {
    const errors = validateCohort(def, ctx);
    expect(errors.map((e) => e.path)).toContain(path);
    const error = errors.find((e) => e.path === path) as CohortValidationError;
    expect(error).toBeInstanceOf(CohortValidationError);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toMatch(message);
    expect(() => membersOf(def as never, [person('p')], { now: NOW, ...ctx })).toThrow(CohortValidationError);
  });

  it('reports every problem, not only the first', () => {
    const def = cohort({ ...pageview, time_value: 0, time_interval: 'eon' } as never, { type: 'person', key: '', operator: 'is_set' });
    expect(validateCohort(def).map((e) => e.path)).toEqual([
      'filters.properties.values[0].values[0].time_value',
      'filters.properties.values[0].values[0].time_interval',
      'filters.properties.values[0].values[1].key',
    ]);
  });

  it('a valid definition has no errors', () => {
    expect(validateCohort(cohort(has('a'), { ...pageview, event_type: 'actions', key: 'a1' } as never), { actions })).toEqual([]);
  });
});
