// @ts-nocheck
import type { DraftProblems } from './types';

/**
 * Which fields of a draft the user has touched, so the editor shows a field's problem only once
 * the user has been there (a fresh action is not a wall of red). Keys are the draft keys of
 * DraftProblems ('name', 'steps.0.selector', 'steps.0.properties.1'). A Save attempt sets `all`.
 * Pure and immutable, like the draft edits.
 */
export interface Touched {
  /** Every field counts as touched (after a Save attempt). */
  all: boolean;
  keys: ReadonlySet<string>;
}

export const untouched = (): Touched => ({ all: false, keys: new Set() });

/** `t` with `key` touched (the same object when it already was, so a re-render can be skipped). */
export function touch(t: Touched, key: string): Touched {
  if (t.all || t.keys.has(key)) return t;
  return { all: false, keys: new Set([...t.keys, key]) };
}

/** Every field touched: what a Save attempt does. */
export const touchAll = (t: Touched): Touched => (t.all ? t : { all: true, keys: t.keys });

const STEP_KEY = /^steps\.(\d+)(\..*)?$/;

/**
 * `t` after step `removed` was deleted: its keys are forgotten and later steps' keys move up one,
 * so they stay on the fields they were touched on.
 */
export function forgetStep(t: Touched, removed: number): Touched {
  const keys = new Set<string>();
  for (const key of t.keys) {
    const m = STEP_KEY.exec(key);
    if (!m) keys.add(key);
    else if (Number(m[1]) > removed) keys.add(`steps.${Number(m[1]) - 1}${m[2] ?? ''}`);
    else if (Number(m[1]) < removed) keys.add(key);
  }
  return { all: t.all, keys };
}

/** Whether the problem under `key` may show: its field, or a field inside it (a step's own problem once one of its fields was touched). */
function isTouched(t: Touched, key: string): boolean {
  if (t.all || t.keys.has(key)) return true;
  for (const k of t.keys) if (k.startsWith(`${key}.`)) return true;
  return false;
}

/**
 * The problems the editor shows: those of touched fields, all of them after a Save attempt, and
 * always those the server returned for a refused save (`server`, keyed the same way).
 */
export function visibleProblems(problems: DraftProblems, t: Touched, server: DraftProblems = new Map()): DraftProblems {
  const out: DraftProblems = new Map();
  for (const [key, list] of problems) if (isTouched(t, key) || server.has(key)) out.set(key, list);
  for (const [key, list] of server) if (!out.has(key)) out.set(key, list);
  return out;
}
