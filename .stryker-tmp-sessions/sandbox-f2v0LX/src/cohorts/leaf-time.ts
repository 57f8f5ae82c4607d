/**
 * The date fields of a behavioral leaf, validated as PostHog validates them
 * (PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py `parse_and_validate_positive_integer`,
 * `validate_interval`; posthog/models/property/property.py: `explicit_datetime_to` needs
 * `explicit_datetime`; posthog/queries/foss_cohort_query.py `validate_seq_date_more_recent_than_date`).
 * performed_event, _multiple and _first_time take `explicit_datetime` (the current PostHog editor
 * writes it) or `time_value` + `time_interval` (older editors); stopped / restarted take
 * time_value + time_interval and the recent window seq_time_value + seq_time_interval.
 */
// @ts-nocheck

import { show } from '../actions/values';
import type { CompileEnv } from './compiled';
import { CohortValidationError } from './errors';
import { parsePostHogDate, type ParsedDate } from './posthog-dates';
import type { TimeInterval } from './types';
import { intervalSeconds, relativeRange, type LeafRange } from './windows';

const INTERVALS: TimeInterval[] = ['hour', 'day', 'week', 'month', 'year'];
const EXPLICIT_KINDS = ['performed_event', 'performed_event_multiple', 'performed_event_first_time'];

/** The leaf's date range, and for stopped / restarted the recent window and the gap before it. */
export interface LeafTime {
  range: LeafRange;
  recent?: LeafRange;
  gap?: LeafRange;
}

/** An integer (or integer string) above 0, as PostHog's parse_and_validate_positive_integer. */
export function positiveInt(v: unknown, path: string, env: CompileEnv): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n <= 0) {
    env.errors.push(new CohortValidationError(path, v === undefined || v === null ? 'is required: a whole number above 0' : `must be a whole number above 0, not ${show(v)}`));
    return null;
  }
  return n;
}

function interval(v: unknown, path: string, env: CompileEnv): TimeInterval | null {
  if (INTERVALS.includes(v as TimeInterval)) return v as TimeInterval;
  const why = v === 'minute' ? " — PostHog reads 'minute' as months ('-5m'), so Lasso refuses it" : '';
  env.errors.push(new CohortValidationError(path, `${v === undefined || v === null ? 'is required' : `unknown interval ${show(v)}`}; expected one of ${INTERVALS.join(', ')}${why}`));
  return null;
}

function date(v: unknown, path: string, env: CompileEnv): ParsedDate | null {
  const parsed = typeof v === 'string' ? parsePostHogDate(v, env.now) : null;
  if (!parsed) env.errors.push(new CohortValidationError(path, `${show(v)} is not a date; use an ISO date (2026-06-01) or a relative one (-30d, -6h, -2w, -3m, -1y)`));
  return parsed;
}

const given = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

function window(leaf: Record<string, unknown>, path: string, env: CompileEnv): { range: LeafRange; n: number; unit: TimeInterval } | null {
  const n = positiveInt(leaf.time_value, `${path}.time_value`, env);
  const unit = interval(leaf.time_interval, `${path}.time_interval`, env);
  return n === null || unit === null ? null : { range: { from: relativeRange(env.now, n, unit), to: null }, n, unit };
}

/** Validates the leaf's date fields at `path`; null (with errors recorded) when they are unusable. */
export function leafTime(leaf: Record<string, unknown>, kind: string, path: string, env: CompileEnv): LeafTime | null {
  const explicit = given(leaf.explicit_datetime);
  if (given(leaf.explicit_datetime_to) && !explicit) {
    env.errors.push(new CohortValidationError(`${path}.explicit_datetime_to`, 'an end date needs a start date: set explicit_datetime too'));
    return null;
  }
  if (EXPLICIT_KINDS.includes(kind)) {
    if (!explicit) return window(leaf, path, env);
    const from = date(leaf.explicit_datetime, `${path}.explicit_datetime`, env);
    const to = given(leaf.explicit_datetime_to) ? date(leaf.explicit_datetime_to, `${path}.explicit_datetime_to`, env) : null;
    return from && (to || !given(leaf.explicit_datetime_to)) ? { range: { from, to } } : null;
  }
  if (explicit) {
    env.errors.push(new CohortValidationError(`${path}.explicit_datetime`, `${show(kind)} counts back with time_value / time_interval and seq_time_value / seq_time_interval, not explicit dates`));
    return null;
  }
  const whole = window(leaf, path, env);
  const sn = positiveInt(leaf.seq_time_value, `${path}.seq_time_value`, env);
  const su = interval(leaf.seq_time_interval, `${path}.seq_time_interval`, env);
  if (!whole || sn === null || su === null) return null;
  if (intervalSeconds(sn, su) > intervalSeconds(whole.n, whole.unit)) {
    env.errors.push(new CohortValidationError(`${path}.seq_time_value`, `the recent window (${sn} ${su}) must not be longer than the whole window (${whole.n} ${whole.unit})`));
    return null;
  }
  const recentFrom = relativeRange(env.now, sn, su);
  // restarted's gap runs from time_value ago to the END of the day seq_time_value ago (its date_to).
  return { range: whole.range, recent: { from: recentFrom, to: null }, gap: { from: whole.range.from, to: recentFrom } };
}
