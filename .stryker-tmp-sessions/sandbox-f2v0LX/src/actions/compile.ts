// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import type { CompileContext, Condition, Person } from './condition';
import { eventForClickOn } from './element';
import { ActionValidationError } from './errors';
import { compileStep } from './step';
import type { ActionDefinition, ActionStep, StepExplanation } from './types';
import { show } from './values';

/** An action compiled once, then matched against many events (or live elements). */
export interface CompiledAction {
  /** Does the stored event match at least one step? */
  matches(event: CaptureEvent, person?: { properties: Record<string, unknown> }): boolean;
  /** Per step, per set condition: passed or not, and why, in words. */
  explain(event: CaptureEvent, person?: { properties: Record<string, unknown> }): StepExplanation[];
  /** Live page: would a click on this element match? (Same logic as `matches`; see element.ts.) */
  matchesElement(element: Element): boolean;
}

/** Options for compiling; all optional. */
export interface CompileOptions {
  /** Clock for relative dates (`-7d`), read at match time. Default Date.now. */
  now?: () => number;
  /** Report a blank or missing name (editors and import set this). */
  requireName?: boolean;
}

function checkAction(action: unknown, opts: CompileOptions, ctx: CompileContext): Condition[][] {
  if (typeof action !== 'object' || action === null || Array.isArray(action)) {
    ctx.errors.push(new ActionValidationError('', 'an action must be an object with a name and steps'));
    return [];
  }
  const a = action as Record<string, unknown>;
  if (a.name !== undefined && typeof a.name !== 'string') ctx.errors.push(new ActionValidationError('name', `must be a string, not ${show(a.name)}`));
  else if (opts.requireName && !(a.name as string | undefined)?.trim()) ctx.errors.push(new ActionValidationError('name', 'the name is blank — every action needs a name'));
  if (a.description !== undefined && a.description !== null && typeof a.description !== 'string') {
    ctx.errors.push(new ActionValidationError('description', `must be a string, not ${show(a.description)}`));
  }
  if (a.tags !== undefined && a.tags !== null && (!Array.isArray(a.tags) || a.tags.some((t) => typeof t !== 'string'))) {
    ctx.errors.push(new ActionValidationError('tags', 'must be a list of strings'));
  }
  if (!Array.isArray(a.steps)) {
    ctx.errors.push(new ActionValidationError('steps', a.steps === undefined ? 'the action has no steps — add at least one' : 'must be a list of steps'));
    return [];
  }
  if (!a.steps.length) ctx.errors.push(new ActionValidationError('steps', 'the action has no steps — add at least one (an action with no steps would match nothing you meant)'));
  return a.steps.map((step, i) => compileStep(step, `steps[${i}]`, ctx));
}

/**
 * Every problem with an action definition (empty when it is valid), each naming its field path.
 * `requireName` (default false) also reports a blank name, as saving and import must.
 */
export function validateAction(action: unknown, opts: { requireName?: boolean } = {}): ActionValidationError[] {
  const ctx: CompileContext = { errors: [], now: Date.now };
  checkAction(action, opts, ctx);
  return ctx.errors;
}

/**
 * Compiles an action (selectors parsed, regexes compiled, once). Throws the first
 * ActionValidationError when the definition is invalid (use validateAction for all of them).
 */
export function compileAction(action: { steps: ActionStep[] } & Partial<ActionDefinition>, options: CompileOptions = {}): CompiledAction {
  const ctx: CompileContext = { errors: [], now: options.now ?? Date.now };
  const steps = checkAction(action, options, ctx);
  if (ctx.errors.length) throw ctx.errors[0];
  const stepMatches = (conditions: Condition[], event: CaptureEvent, person: Person): boolean => {
    for (let c = 0; c < conditions.length; c++) if (!conditions[c].test(event, person)) return false;
    return true;
  };
  const matches = (event: CaptureEvent, person?: Person): boolean => {
    for (let s = 0; s < steps.length; s++) if (stepMatches(steps[s], event, person)) return true;
    return false;
  };
  return {
    matches,
    explain(event, person) {
      return steps.map((conditions, step) => {
        const explained = conditions.map((c) => ({ condition: c.name, passed: c.test(event, person), reason: c.explain(event, person) }));
        if (!explained.length) explained.push({ condition: '(none)', passed: true, reason: 'the step sets no condition, so it matches every event' });
        return { step, matched: explained.every((c) => c.passed), conditions: explained };
      });
    },
    matchesElement: (element) => matches(eventForClickOn(element)),
  };
}
