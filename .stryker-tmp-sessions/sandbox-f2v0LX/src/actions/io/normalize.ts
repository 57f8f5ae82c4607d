/**
 * One canonical form for action definitions, shared by export (what is written), import (what
 * is stored) and the "identical?" comparison, so that export → import is a fixed point.
 *
 * Canonical step: only fields that set a condition (null, absent and '' set none, per the
 * spec), in PostHog's key order; a matching mode is written out (with its default) exactly
 * when its value is set, because PostHog's three matchers have disagreed about defaults and an
 * explicit mode means the same thing everywhere.
 */
// @ts-nocheck

import type { ActionDefinition, ActionStep, PropertyFilter, StringMatching } from '../types';

/** Defaults from the spec; PostHog uses the same ones. */
export const DEFAULT_MATCHING = { text: 'exact', href: 'exact', url: 'contains' } as const;

/** PostHog's step keys, in the order PostHog's API returns them. */
export const STEP_KEYS = [
  'event', 'properties', 'selector', 'tag_name', 'text', 'text_matching', 'href', 'href_matching', 'url', 'url_matching',
] as const;

const set = (v: string | null | undefined): v is string => typeof v === 'string' && v !== '';

/** The canonical (stored) form of a step: see the module comment. */
export function normalizeStep(step: ActionStep): ActionStep {
  const out: ActionStep = {};
  if (set(step.event)) out.event = step.event;
  const props = (step.properties ?? []).map(normalizeFilter);
  if (props.length > 0) out.properties = props;
  if (set(step.selector)) out.selector = step.selector;
  if (set(step.tag_name)) out.tag_name = step.tag_name;
  for (const field of ['text', 'href', 'url'] as const) {
    const value = step[field];
    if (!set(value)) continue;
    out[field] = value;
    out[`${field}_matching`] = (step[`${field}_matching`] ?? DEFAULT_MATCHING[field]) as StringMatching;
  }
  return out;
}

/** A property filter with its defaults written out (operator exact, type event). */
export function normalizeFilter(filter: PropertyFilter): PropertyFilter {
  const out: PropertyFilter = { key: filter.key };
  if (filter.value !== undefined) out.value = filter.value;
  out.operator = filter.operator ?? 'exact';
  out.type = filter.type ?? 'event';
  return out;
}

/** Tags are a set in PostHog; sorting them keeps exports and comparisons order-free. */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  return [...new Set(tags ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The canonical definition: name, description ('' when none), sorted tags, canonical steps. */
export function normalizeDefinition(def: ActionDefinition): ActionDefinition {
  return {
    name: def.name,
    description: def.description ?? '',
    tags: normalizeTags(def.tags),
    steps: def.steps.map(normalizeStep),
  };
}

/** A string equal for two definitions exactly when they mean (and display) the same. */
export function definitionKey(def: ActionDefinition): string {
  return JSON.stringify(normalizeDefinition(def));
}

/** Names are unique per site, case-insensitively (spec); surrounding blanks never count. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
