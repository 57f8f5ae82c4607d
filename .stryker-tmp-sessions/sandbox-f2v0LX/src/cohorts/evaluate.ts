/**
 * Cohort membership over given people. A person is one row of `people` with all their distinct
 * ids: behaviour of any of them counts for the person (PostHog evaluates events by person_id,
 * posthog/hogql_queries/hogql_cohort_query.py runs with PERSON_ID_OVERRIDE_PROPERTIES_JOINED).
 * Person property leaves read the person's current properties, with the action matcher's operators.
 */
// @ts-nocheck

import type { CompiledCohort, MembershipLookup, Node, PreparedPerson } from './compiled';
import { parseInstant } from './posthog-dates';
import type { CohortDefinition, CohortPerson } from './types';
import { compileCohort, type CohortContext } from './validate';

/** The person with events parsed once (unparseable timestamps are left out; no zone = UTC) and sorted by time. */
function prepare(person: CohortPerson): PreparedPerson {
  const events: PreparedPerson['events'] = [];
  for (const event of person.events) {
    const ms = typeof event.timestamp === 'string' ? parseInstant(event.timestamp) : NaN;
    if (Number.isFinite(ms)) events.push({ event, ms });
  }
  events.sort((a, b) => a.ms - b.ms);
  return { person, distinctIds: new Set(person.distinct_ids), events, memberOf: new Map() };
}

function holds(node: Node, p: PreparedPerson, member: MembershipLookup): boolean {
  if (node.kind === 'leaf') return node.test(p, member) !== node.negation;
  if (node.kind === 'AND') return node.children.every((c) => holds(c, p, member));
  return node.children.some((c) => holds(c, p, member));
}

function isMember(cohort: CompiledCohort, p: PreparedPerson, member: MembershipLookup): boolean {
  if (cohort.kind === 'static') {
    for (const id of p.distinctIds) if (cohort.distinctIds.has(id)) return true;
    return false;
  }
  return holds(cohort.root, p, member);
}

/**
 * The members of `cohort` among `people` (the same objects, in their order). `ctx.now` anchors the
 * behavioral time windows; `ctx.cohorts` / `ctx.actions` resolve membership and action leaves.
 * Throws a CohortValidationError naming the offending part when the definition (or one it
 * references) is invalid, including a cycle between cohorts.
 */
export function membersOf(cohort: CohortDefinition, people: CohortPerson[], ctx: CohortContext & { now: string | number }): CohortPerson[] {
  const { compiled, env } = compileCohort(cohort, ctx);
  const member: MembershipLookup = (id, p) => {
    let known = p.memberOf.get(id);
    if (known === undefined) {
      // Compiled and cycle-free: compileCohort refused anything else.
      known = isMember(env.compiled.get(id) as CompiledCohort, p, member);
      p.memberOf.set(id, known);
    }
    return known;
  };
  return people.filter((person) => isMember(compiled, prepare(person), member));
}
