// Invalid cohort definitions: each is an error naming the offending part by path. The checks
// mirror PostHog's (PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py
// parse_and_validate_positive_integer, validate_interval, count operators, empty groups;
// posthog/models/cohort/validation.py for cohort references).
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/actions/filters';
import { CohortValidationError, compileCohort, membersOf, validateCohort } from '../../src/cohorts';
import type { CohortContext, CohortDefinition } from '../../src/cohorts';
import { and, cohort, has, NOW, or, person, tree } from '../support/cohorts';

const pageview = { type: 'behavioral', value: 'performed_event', key: '$pageview', event_type: 'events', time_value: 7, time_interval: 'day' };
const actions = { a1: { id: 'a1', site: 's', name: 'A', created_at: NOW, updated_at: NOW, steps: [{ event: 'x' }] } };
/** An action compileAction refuses: it has no steps. */
const broken = { empty: { id: 'empty', site: 's', name: 'E', created_at: NOW, updated_at: NOW, steps: [] } };
/** Path of the first condition of the first group of `cohort(...)`. */
const LEAF = 'filters.properties.values[0].values[0]';
const stopped = { ...pageview, value: 'stopped_performing_event', time_value: 30, seq_time_value: 7, seq_time_interval: 'day' };

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
    // Legacy `groups` (Cohort.properties): the paths point into them.
    ['a legacy property that is not an object', { groups: [{ properties: [null] }] }, 'groups[0].properties[0]', /a condition must be an object with a type/],
    ['a legacy property that is a list', { groups: [{ properties: [[]] }] }, 'groups[0].properties[0]', /a condition must be an object with a type/],
    ['an invalid property in a legacy group', { groups: [{ properties: [{ key: 'plan', value: 'x', operator: 'foo' }] }] }, 'groups[0].properties[0].operator', /unknown operator 'foo'/],
    ['legacy properties that are a string', { groups: [{ properties: 'plan' }] }, 'groups[0].properties', /must be a group/],
    // An object with `type` or `values` is a property group, not a {key: value} list.
    ['legacy properties with a type but no values', { groups: [{ properties: { type: 'AND' } }] }, 'groups[0].properties', /must be a group/],
    ['legacy properties with values but no type', { groups: [{ properties: { values: [{ key: 'plan', value: 'pro', type: 'person' }] } }] }, 'groups[0].properties.type', /must be 'AND' or 'OR', not nothing/],
    // Malformed shapes.
    ['a condition that is not an object', cohort(has('a'), [] as never), `filters.properties.values[0].values[1]`, /a condition must be an object with a type/],
    ['properties that are not a group', tree('plan' as never), 'filters.properties', /must be a group: \{ type: 'AND' \| 'OR', values: \[\.\.\.\] \}/],
    ['a group without values', tree({ type: 'AND' } as never), 'filters.properties', /must be a group/],
    ['values that are not a list', tree({ type: 'AND', values: 'x' } as never), 'filters.properties.values', /must be a list of groups or conditions/],
    // Without a type 'AND' / 'OR' an object with values is not a group: next to groups it is a condition.
    ['an untyped {values} next to groups', tree(or(and(has('a')), { values: [has('b')] } as never)), 'filters.properties.values', /mixes groups and conditions/],
    ['a cohort id of the wrong type', cohort({ type: 'cohort', value: true } as never), `${LEAF}.value`, /must be the id of a cohort, not true/],
    ['is_static neither true nor false', { is_static: 'yes', distinct_ids: ['a'] }, 'is_static', /must be true or false, not 'yes'/],
    ['a static cohort with a number id', { is_static: true, distinct_ids: ['a', 7] }, 'distinct_ids[1]', /must be a non-empty string, not 7/],
    ['a static cohort whose first id is blank', { is_static: true, distinct_ids: ['', 'a'] }, 'distinct_ids[0]', /non-empty string/],
    ['an event name that is a number', cohort({ ...pageview, key: 5 } as never), `${LEAF}.key`, /the event name must be a non-empty string/],
    ['a blank action id', cohort({ ...pageview, event_type: 'actions', key: '' } as never), `${LEAF}.key`, /the action id must be a string or number/, { actions }],
    // null is not an id, even when some action is stored under the key "null".
    ['a null action id', cohort({ ...pageview, event_type: 'actions', key: null } as never), `${LEAF}.key`, /the action id must be a string or number/, { actions: { null: actions.a1 } }],
    ['an action compileAction refuses', cohort({ ...pageview, event_type: 'actions', key: 'empty' } as never), `${LEAF}.key`, /action 'empty' is invalid: steps: the action has no steps/, { actions: broken }],
    ['event_filters that are not a list', cohort({ ...pageview, event_filters: 'x' } as never), `${LEAF}.event_filters`, /must be a list of event property filters/],
    ['an event filter that is not an object', cohort({ ...pageview, event_filters: [null] } as never), `${LEAF}.event_filters[0]`, /a property filter must be an object/],
    ['an event filter with an unknown operator', cohort({ ...pageview, event_filters: [{ key: '$pathname', value: '/', operator: 'foo', type: 'event' }] } as never), `${LEAF}.event_filters[0].operator`, /unknown operator 'foo'/],
    ['zero time_value', cohort({ ...pageview, time_value: 0 } as never), `${LEAF}.time_value`, /must be a whole number above 0, not 0$/],
    ['null time_value', cohort({ ...pageview, time_value: null } as never), `${LEAF}.time_value`, /is required: a whole number above 0$/],
    ['an unknown seq_time_interval', cohort({ ...stopped, seq_time_interval: 'fortnight' } as never), `${LEAF}.seq_time_interval`, /unknown interval 'fortnight'/],
    ['an explicit date that is a number', cohort({ ...pageview, explicit_datetime: 20261101 } as never), `${LEAF}.explicit_datetime`, /20261101 is not a date/],
    ['an end date PostHog cannot read', cohort({ ...pageview, explicit_datetime: '-30d', explicit_datetime_to: 'soon' } as never), `${LEAF}.explicit_datetime_to`, /'soon' is not a date/],
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

// PostHog's parse_and_validate_positive_integer: int(value) > 0, so an integer or a string Python's
// int() reads ('7', ' 30 ', '+7'); not '7.0', '0x10', '1e3', a boolean or a list.
describe('time_value: a whole number above 0, or a string of one', () => {
  it.each<[unknown]>([['7'], [' 30 '], ['+7']])('%j is accepted', (time_value) => {
    expect(validateCohort(cohort({ ...pageview, time_value } as never))).toEqual([]);
  });
  it.each<[unknown, string]>([
    ['7.0', "'7.0'"],
    ['0x10', "'0x10'"],
    ['1e3', "'1e3'"],
    ['-7', "'-7'"],
    [true, 'true'],
    [[7], '[7]'],
  ])('%j is refused', (time_value, shown) => {
    const errors = validateCohort(cohort({ ...pageview, time_value } as never));
    expect(errors.map((e) => e.path)).toEqual([`${LEAF}.time_value`]);
    expect(errors[0].message).toContain(`must be a whole number above 0, not ${shown}`);
  });
});

describe('exact messages', () => {
  const intervals = 'expected one of hour, day, week, month, year';
  it.each<[string, unknown, string]>([
    ['a missing interval', cohort({ ...pageview, time_interval: undefined } as never), `${LEAF}.time_interval: is required; ${intervals}`],
    ['a null interval', cohort({ ...pageview, time_interval: null } as never), `${LEAF}.time_interval: is required; ${intervals}`],
    ['an unknown interval', cohort({ ...pageview, time_interval: 'fortnight' } as never), `${LEAF}.time_interval: unknown interval 'fortnight'; ${intervals}`],
    ['minute', cohort({ ...pageview, time_interval: 'minute' } as never), `${LEAF}.time_interval: unknown interval 'minute'; ${intervals} — PostHog reads 'minute' as months ('-5m'), so Lasso refuses it`],
    ['an unknown behavioral kind', cohort({ ...pageview, value: 'did_stuff' } as never), `${LEAF}.value: unknown behavioral filter 'did_stuff'; expected one of performed_event, performed_event_multiple, performed_event_first_time, stopped_performing_event, restarted_performing_event`],
    ['performed_event_regularly', cohort({ ...pageview, value: 'performed_event_regularly' } as never), `${LEAF}.value: 'performed_event_regularly' is a PostHog behavioral filter Lasso does not evaluate yet`],
  ])('%s', (_name, def, message) => {
    expect(validateCohort(def).map((e) => e.message)).toEqual([message]);
  });

  it.each<[string, unknown]>([['null', null], ['a string', 'plan = pro'], ['a list', [has('a')]], ['a number', 42]])('a cohort that is %s: one error at the top (path "")', (_name, def) => {
    const errors = validateCohort(def);
    expect(errors.map((e) => [e.path, e.message])).toEqual([['', 'a cohort must be an object with filters (or is_static and distinct_ids)']]);
    expect(() => membersOf(def as never, [person('p')], { now: NOW })).toThrow('a cohort must be an object');
  });

  // Person leaves and event filters are compiled by the action engine: the problem reads as there, said once.
  it.each<[string, Record<string, unknown>, string]>([
    ['a person leaf', { type: 'person', key: 'plan', value: 'x', operator: 'foo' }, LEAF],
    ['an event filter', { ...pageview, event_filters: [{ key: 'plan', value: 'x', operator: 'foo', type: 'event' }] }, `${LEAF}.event_filters[0]`],
  ])('%s: the action engine’s message', (_name, leaf, filterPath) => {
    const filter = leaf.type === 'person' ? leaf : (leaf.event_filters as unknown[])[0];
    const actx = { errors: [], now: () => 0 } as Parameters<typeof compileFilter>[2];
    compileFilter(filter, filterPath, actx);
    expect(validateCohort(cohort(leaf as never)).map((e) => [e.path, e.message])).toEqual(actx.errors.map((e) => [e.path, e.message]));
  });

  it('errors are named CohortValidationError', () => {
    expect(validateCohort({ name: 'empty' })[0].name).toBe('CohortValidationError');
  });

  it('a cycle shows only the cohorts in the loop, not the ones leading to it', () => {
    const cohorts: Record<string, CohortDefinition> = { top: cohort({ type: 'cohort', value: 'a' }), a: cohort({ type: 'cohort', value: 'b' }), b: cohort({ type: 'cohort', value: 'a' }) };
    expect(validateCohort(cohorts.top, { cohorts }).map((e) => e.message)).toEqual([
      `cohorts["b"].${LEAF}.value: cohort cycle: 'a' → 'b' → 'a' — a cohort cannot contain itself`,
    ]);
  });
});

// A leaf that fails to compile is left out, so nothing built on it (the top-level negation check,
// a window) adds a second, confusing error or throws.
describe('an invalid leaf reports its own problem only', () => {
  it.each<[string, unknown, string, CohortContext?]>([
    ['a negated person leaf with an unknown operator', cohort({ type: 'person', key: 'a', operator: 'foo', negation: true } as never), `${LEAF}.operator`],
    ['a negated leaf with an invalid event filter', cohort({ ...pageview, negation: true, event_filters: [{ key: 'x', operator: 'foo', type: 'event' }] } as never), `${LEAF}.event_filters[0].operator`],
    ['a negated count with an unknown operator', cohort({ ...pageview, value: 'performed_event_multiple', operator: 'between', operator_value: 2, negation: true } as never), `${LEAF}.operator`],
    ['a negated count without operator_value', cohort({ ...pageview, value: 'performed_event_multiple', operator: 'gte', negation: true } as never), `${LEAF}.operator_value`],
    ['a negated leaf with an unreadable end date', cohort({ ...pageview, explicit_datetime: '-30d', explicit_datetime_to: 'soon', negation: true } as never), `${LEAF}.explicit_datetime_to`],
    ['a negated reference to an invalid cohort', cohort({ type: 'cohort', value: 'bad', negation: true }), `cohorts["bad"].${LEAF}.operator`, { cohorts: { bad: cohort({ type: 'person', key: 'k', operator: 'nope' } as never) } }],
    ['stopped without time_value', cohort({ ...stopped, time_value: undefined } as never), `${LEAF}.time_value`],
    ['stopped without seq_time_value', cohort({ ...stopped, seq_time_value: undefined } as never), `${LEAF}.seq_time_value`],
    ['stopped with an unknown seq_time_interval', cohort({ ...stopped, seq_time_interval: 'fortnight' } as never), `${LEAF}.seq_time_interval`],
    ['one invalid legacy group next to a valid one', { groups: [{ properties: [{ key: 'plan', value: 'pro' }] }, { days: 3 }] }, 'groups[1]'],
    // Each action and each referenced cohort is compiled once, so its problem is reported once.
    ['two leaves on one invalid action', cohort({ ...pageview, event_type: 'actions', key: 'empty' } as never, { ...pageview, event_type: 'actions', key: 'empty' } as never), `${LEAF}.key`, { actions: broken }],
    ['two paths to one invalid cohort', tree(or(and({ type: 'cohort', value: 'l' }), and({ type: 'cohort', value: 'r' }))), `cohorts["base"].${LEAF}.operator`, {
      cohorts: { l: cohort({ type: 'cohort', value: 'base' }), r: cohort({ type: 'cohort', value: 'base' }), base: cohort({ type: 'person', key: 'k', operator: 'nope' } as never) },
    }],
  ])('%s', (_name, def, path, ctx = {}) => {
    expect(validateCohort(def, ctx).map((e) => e.path)).toEqual([path]);
  });
});

describe('valid definitions', () => {
  it.each<[string, unknown, CohortContext?]>([
    ['negation: null', cohort({ ...has('a'), negation: null } as never)],
    ['is_static: false with filters', { is_static: false, ...cohort(has('a')) }],
    ['event_filters: null', cohort({ ...pageview, event_filters: null } as never)],
    ['restarted with an empty event_filters list', cohort({ ...stopped, value: 'restarted_performing_event', event_filters: [] } as never)],
    ['an event filter without a type (an event filter)', cohort({ ...pageview, event_filters: [{ key: '$pathname', value: '/' }] } as never)],
    ['an empty explicit_datetime: time_value is used', cohort({ ...pageview, explicit_datetime: '' } as never)],
    ['a null explicit_datetime', cohort({ ...pageview, explicit_datetime: null } as never)],
    ['an empty explicit_datetime_to: no end', cohort({ ...pageview, explicit_datetime: '-30d', explicit_datetime_to: '' } as never)],
    // validate_seq_date_more_recent_than_date refuses only a longer recent window.
    ['a recent window as long as the whole one (7 days, 1 week)', cohort({ ...stopped, time_value: 1, time_interval: 'week' } as never)],
    ['a numeric action id', cohort({ ...pageview, event_type: 'actions', key: 7 } as never), { actions: { 7: actions.a1 } }],
  ])('%s', (_name, def, ctx = {}) => {
    expect(validateCohort(def, ctx)).toEqual([]);
  });

  it('compileCohort gives the listed ids of a static cohort, the condition tree of a dynamic one', () => {
    expect(compileCohort({ is_static: true, distinct_ids: ['a'] }, { now: NOW }).compiled).toEqual({ kind: 'static', distinctIds: new Set(['a']) });
    expect(compileCohort(cohort(has('a')), { now: NOW }).compiled.kind).toBe('dynamic');
  });
});
