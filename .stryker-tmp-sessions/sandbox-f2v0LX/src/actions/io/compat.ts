/**
 * The export compatibility report: every construct of an action that PostHog's matchers could
 * evaluate differently from Lasso (spec, "Differences from PostHog"), in plain words, so users
 * know before they paste an action into PostHog.
 */
// @ts-nocheck

import type { ActionDefinition, ActionStep } from '../types';
import { selectorFindings } from './compat-selector';

/** One construct whose result could differ in PostHog. */
export interface CompatIssue {
  /** 0-based step index (as in `steps[0]`), or null for the action as a whole. */
  step: number | null;
  /** The field within the step (`selector`, `text`, `properties[1].value`), or `steps`. */
  field: string;
  /** The construct, quoted from the action. */
  construct: string;
  /** What PostHog does with it. */
  posthog: string;
  /** What Lasso does with it. */
  lasso: string;
}

const ELEMENT_FIELDS = ['selector', 'text', 'href', 'tag_name'] as const;
const set = (v: string | null | undefined): v is string => typeof v === 'string' && v !== '';

/** Every difference for `action`; [] when PostHog would match exactly the same events. */
export function compatibilityReport(action: ActionDefinition): CompatIssue[] {
  if (action.steps.length === 0) {
    return [{ step: null, field: 'steps', construct: 'action with no steps', posthog: 'matches every event', lasso: 'refuses to save it' }];
  }
  return action.steps.flatMap((s, i) => stepIssues(s, i));
}

function stepIssues(s: ActionStep, step: number): CompatIssue[] {
  const out: CompatIssue[] = [];
  const add = (field: string, construct: string, posthog: string, lasso: string) => out.push({ step, field, construct, posthog, lasso });
  const element = ELEMENT_FIELDS.filter((f) => set(s[f]));
  const props = s.properties ?? [];

  if (!set(s.event) && !set(s.url) && element.length === 0 && props.length === 0) {
    add('step', 'step that sets no condition', 'matches every event', 'matches every event too, but warns: it is almost never intended');
  }
  if (element.length > 0 && s.event !== '$autocapture') {
    const on = set(s.event) ? `a ${JSON.stringify(s.event)} step` : 'a step for any event';
    add('event', `${element.join(', ')} on ${on}`, 'applies selector, text, href and tag conditions only to $autocapture events and ignores them here, so the step matches more events', 'applies them to every event that carries an element chain (e.g. $rageclick)');
  }
  if (set(s.selector)) for (const f of selectorFindings(s.selector)) add('selector', f.construct, f.posthog, f.lasso);
  for (const field of ['text', 'href'] as const) {
    const v = s[field];
    if (set(v) && v.includes('"')) {
      add(field, `${field} with a double quote ${JSON.stringify(v)}`, 'compares against the chain, where `"` is stored as `\\"` and never unescaped, so it cannot match', 'unescapes the chain value first, so it matches');
    }
  }
  for (const field of ['text', 'href', 'url'] as const) {
    const v = s[field];
    if (set(v) && s[`${field}_matching`] === 'regex') regexIssues(v, field, add);
  }
  if (set(s.tag_name) && s.tag_name !== s.tag_name.toLowerCase()) {
    add('tag_name', `upper-case tag name ${JSON.stringify(s.tag_name)}`, 'compares with the lower-case tags in the chain case-sensitively, so it may never match', 'compares tag names case-insensitively');
  }
  props.forEach((p, j) => {
    if (p.type === 'element' && p.key === 'selector') {
      for (const v of Array.isArray(p.value) ? p.value : [p.value]) {
        if (typeof v === 'string' && v !== '') for (const f of selectorFindings(v)) add(`properties[${j}].value`, f.construct, f.posthog, f.lasso);
      }
    }
  });
  return out;
}

/**
 * PostHog evaluates regexes in ClickHouse, whose `match()` uses RE2 but lets `.` match line
 * breaks and works on bytes; Lasso uses RE2's defaults on characters.
 */
function regexIssues(pattern: string, field: string, add: (field: string, construct: string, posthog: string, lasso: string) => void): void {
  if (/(^|[^\\])(\\\\)*\./.test(pattern)) {
    add(field, `regex with \`.\` ${JSON.stringify(pattern)}`, 'lets `.` match line breaks, and one byte rather than one character of non-ASCII text', 'uses RE2 defaults: `.` matches one character and not a line break');
  }
}
