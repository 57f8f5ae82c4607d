// @ts-nocheck
import type { StoredAction } from '../actions/types';
import { show } from '../actions/values';
import { compileDefinition } from './compile';
import type { CompileEnv, CompiledCohort } from './compiled';
import { CohortValidationError } from './errors';
import { parseInstant } from './posthog-dates';
import type { CohortDefinition } from './types';

/** What a cohort may refer to: other cohorts and actions, by id; `now` anchors its time windows. */
export interface CohortContext {
  cohorts?: Record<string, CohortDefinition>;
  actions?: Record<string, StoredAction>;
  /** ISO time (no zone = UTC) or epoch ms that relative windows count back from. Validation defaults it to the clock. */
  now?: string | number;
}

function parseNow(now: CohortContext['now'], errors: CohortValidationError[]): number {
  if (now === undefined) return Date.now();
  const ms = typeof now === 'number' ? now : parseInstant(now);
  if (!Number.isFinite(ms)) errors.push(new CohortValidationError('now', `${show(now)} is not a date; use an ISO time such as 2026-12-01T00:00:00Z`));
  return ms;
}

function build(cohort: unknown, ctx: CohortContext): { compiled: CompiledCohort | null; env: CompileEnv } {
  const env: CompileEnv = {
    errors: [], now: 0, cohorts: ctx.cohorts ?? {}, actions: ctx.actions ?? {},
    compiled: new Map(), stack: [], actionMatchers: new Map(),
  };
  env.now = parseNow(ctx.now, env.errors);
  // When the cohort asked about is itself stored under an id, a reference back to it is a cycle.
  const ownId = Object.keys(env.cohorts).find((id) => env.cohorts[id] === cohort);
  if (ownId !== undefined) env.stack.push(ownId);
  const compiled = compileDefinition(cohort, '', env);
  return { compiled, env };
}

/**
 * Every problem with a cohort definition and the cohorts it references (empty when valid), each
 * naming its path: `filters.properties.values[1].values[0].operator: unknown operator 'foo' …`,
 * `cohorts["b"].filters…` for a referenced cohort, or the cycle `'a' → 'b' → 'a'`.
 * Terminates on any input: references are followed once each.
 */
export function validateCohort(cohort: unknown, ctx: CohortContext = {}): CohortValidationError[] {
  return build(cohort, ctx).env.errors;
}

/** Compiles a cohort for evaluation; throws the first CohortValidationError when it is invalid. */
export function compileCohort(cohort: unknown, ctx: CohortContext): { compiled: CompiledCohort; env: CompileEnv } {
  const { compiled, env } = build(cohort, ctx);
  if (env.errors.length || !compiled) throw env.errors[0] ?? new CohortValidationError('', 'the cohort is invalid');
  return { compiled, env };
}
