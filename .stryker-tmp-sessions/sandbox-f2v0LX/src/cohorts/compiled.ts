/**
 * A cohort compiled once (all validation done) and then evaluated per person. Shared by
 * compile.ts (which builds it), behavioral.ts (leaf tests) and evaluate.ts (which runs it).
 */
// @ts-nocheck

import type { CompiledAction } from '../actions/compile';
import type { StoredAction } from '../actions/types';
import type { CaptureEvent } from '../events/types';
import type { CohortValidationError } from './errors';
import type { CohortDefinition, CohortPerson } from './types';

/** A person with their events parsed once: epoch ms, sorted oldest first. */
export interface PreparedPerson {
  person: CohortPerson;
  distinctIds: Set<string>;
  events: Array<{ event: CaptureEvent; ms: number }>;
  /** Membership of referenced cohorts, by id, computed once per person. */
  memberOf: Map<string, boolean>;
}

/** Evaluates `cohorts[id]` for a person (memoised by the evaluator). */
export type MembershipLookup = (id: string, p: PreparedPerson) => boolean;

export interface Leaf {
  kind: 'leaf';
  negation: boolean;
  test(p: PreparedPerson, member: MembershipLookup): boolean;
}

export interface Group {
  kind: 'AND' | 'OR';
  children: Node[];
}

export type Node = Leaf | Group;

/** A compiled cohort: the listed distinct ids of a static one, or the condition tree. */
export type CompiledCohort = { kind: 'static'; distinctIds: Set<string> } | { kind: 'dynamic'; root: Node };

/** What compiling needs and collects. */
export interface CompileEnv {
  errors: CohortValidationError[];
  now: number;
  cohorts: Record<string, CohortDefinition>;
  actions: Record<string, StoredAction>;
  /** Every cohort reached through membership leaves, by id (null when it failed to compile). */
  compiled: Map<string, CompiledCohort | null>;
  /** Ids being compiled, outermost first: a reference to one of them is a cycle. */
  stack: string[];
  /** One compiled matcher per action id. */
  actionMatchers: Map<string, CompiledAction | null>;
}
