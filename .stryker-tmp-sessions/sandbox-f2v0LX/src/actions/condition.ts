// @ts-nocheck
import type { CaptureEvent } from '../events/types';

/** Person properties, when the caller has them. */
export type Person = { properties: Record<string, unknown> } | undefined;

/**
 * One compiled condition of one step. `test` is the hot path; `explain` says, in words, why the
 * condition holds or not for the same inputs (it is only called for the toolbar's explanations).
 */
export interface Condition {
  /** The step field or filter path: "event", "url", "selector", "properties[0]". */
  name: string;
  test(event: CaptureEvent, person: Person): boolean;
  explain(event: CaptureEvent, person: Person): string;
}

/** What compiling needs besides the definition. */
export interface CompileContext {
  /** Problems found so far; compilation goes on after one so that all are reported. */
  errors: import('./errors').ActionValidationError[];
  /** The clock for relative dates (`-7d`), read at match time. */
  now: () => number;
}

/** Runs `fn`, recording an ActionValidationError it throws instead of throwing (at `path` when it has none). */
export function attempt<T>(ctx: CompileContext, path: string, fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && e.name === 'ActionValidationError') {
      const err = e as import('./errors').ActionValidationError;
      ctx.errors.push(err.path ? err : err.at(path)); // keep a more precise path
      return null;
    }
    throw e;
  }
}

/** The same condition, negated (for is_not-style element filters). */
export const negate = (c: Condition): Condition => ({
  name: c.name,
  test: (e, p) => !c.test(e, p),
  explain: (e, p) => `not: ${c.explain(e, p)}`,
});
