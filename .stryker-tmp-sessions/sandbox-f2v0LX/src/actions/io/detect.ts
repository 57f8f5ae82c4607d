/**
 * Recognizes which of the accepted file shapes a parsed JSON value is, and where its actions
 * sit (for error paths that point into the user's file).
 */
// @ts-nocheck

import { FORBIDDEN_KEYS } from './limits';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';

export type ImportFormat = 'lasso-export' | 'posthog-list' | 'array' | 'single';

export type Detected =
  | { format: ImportFormat; items: unknown[]; pathOf: (i: number) => string; warnings: string[] }
  | { error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lasso's export, a PostHog list response `{results}`, a bare array, or one action object. */
export function detectFormat(value: unknown): Detected {
  if (Array.isArray(value)) return { format: 'array', items: value, pathOf: (i) => `[${i}]`, warnings: [] };
  if (!isObject(value)) return { error: `expected a JSON object or array of actions, found ${value === null ? 'null' : typeof value}` };
  const bad = [...FORBIDDEN_KEYS].find((k) => Object.hasOwn(value, k));
  if (bad) return { error: `${bad}: forbidden key (could alter object prototypes); the file was not imported` };

  if (Object.hasOwn(value, 'format')) {
    if (value.format !== EXPORT_FORMAT) return { error: `format: unknown format ${JSON.stringify(value.format)}; expected "${EXPORT_FORMAT}"` };
    if (value.version !== EXPORT_VERSION) return { error: `version: unsupported version ${JSON.stringify(value.version)}; this Lasso reads version ${EXPORT_VERSION}` };
    if (!Array.isArray(value.actions)) return { error: 'actions: expected an array of actions' };
    return { format: 'lasso-export', items: value.actions, pathOf: (i) => `actions[${i}]`, warnings: [] };
  }
  if (Object.hasOwn(value, 'results')) {
    if (!Array.isArray(value.results)) return { error: 'results: expected an array of actions' };
    // PostHog paginates; a saved page silently missing the rest would surprise the user.
    const warnings = typeof value.next === 'string' && value.next !== ''
      ? [`this is one page of a PostHog list response; the next page (${value.next}) is not in the file`]
      : [];
    return { format: 'posthog-list', items: value.results, pathOf: (i) => `results[${i}]`, warnings };
  }
  if (Object.hasOwn(value, 'steps')) return { format: 'single', items: [value], pathOf: () => '', warnings: [] };
  return { error: 'not an action file: expected a Lasso export, a PostHog list response ({"results": [...]}), an array of actions, or one action with "steps"' };
}
