// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { chainStringCondition, hrefOf, selectorCondition, tagCondition, textOf } from './chain-conditions';
import { attempt, type CompileContext, type Condition } from './condition';
import { ActionValidationError } from './errors';
import { compileFilter } from './filters';
import { parseSelector } from './selector/parse';
import { compileStringMatcher, defaultMatching, STRING_MATCHINGS, type MatchedField } from './strings';
import type { StringMatching } from './types';
import { show } from './values';

/** One step (`steps[i]`) compiled to its conditions, in the order they are cheapest to test. */

const STRING_FIELDS = ['event', 'selector', 'text', 'href', 'url', 'tag_name'] as const;

/** A set string field's value, or null when it sets no condition (null, absent, ''). */
function field(step: Record<string, unknown>, key: string, path: string, ctx: CompileContext): string | null {
  const v = step[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') {
    ctx.errors.push(new ActionValidationError(`${path}.${key}`, `must be a string, not ${show(v)}`));
    return null;
  }
  return v;
}

function matching(step: Record<string, unknown>, f: MatchedField, path: string, ctx: CompileContext): StringMatching {
  const v = step[`${f}_matching`];
  if (v === undefined || v === null) return defaultMatching(f);
  if (!STRING_MATCHINGS.includes(v as StringMatching)) {
    ctx.errors.push(new ActionValidationError(`${path}.${f}_matching`, `unknown matching mode ${show(v)} — expected 'exact', 'contains' or 'regex'`));
    return defaultMatching(f);
  }
  return v as StringMatching;
}

function eventCondition(name: string): Condition {
  return {
    name: 'event',
    test: (e) => e.event === name,
    explain: (e: CaptureEvent) => (e.event === name ? `event is '${name}'` : `event '${e.event}' ≠ '${name}'`),
  };
}

function urlCondition(f: MatchedField, pattern: string, mode: StringMatching, path: string): Condition {
  const m = compileStringMatcher(f, pattern, mode, path);
  return {
    name: 'url',
    test: (e) => {
      const url = e.properties.$current_url;
      return typeof url === 'string' && m.test(url);
    },
    explain: (e) => {
      const url = e.properties.$current_url;
      if (typeof url !== 'string') return 'the event has no $current_url';
      return `url ${show(url)} ${m.test(url) ? m.describe : m.negated}`;
    },
  };
}

/**
 * Compiles `steps[index]`. Problems go to `ctx.errors` (all of them, with field paths); the
 * returned conditions are only meaningful when none were found.
 */
export function compileStep(step: unknown, path: string, ctx: CompileContext): Condition[] {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) {
    ctx.errors.push(new ActionValidationError(path, 'a step must be an object'));
    return [];
  }
  const s = step as Record<string, unknown>;
  const v: Record<string, string | null> = {};
  for (const key of STRING_FIELDS) v[key] = field(s, key, path, ctx);
  const modes = { url: matching(s, 'url', path, ctx), text: matching(s, 'text', path, ctx), href: matching(s, 'href', path, ctx) };
  const out: (Condition | null)[] = [];
  // Cheapest first: the event name, then the url, then the chain.
  if (v.event !== null) out.push(eventCondition(v.event));
  if (v.url !== null) out.push(attempt(ctx, `${path}.url`, () => urlCondition('url', v.url as string, modes.url, `${path}.url`)));
  if (v.tag_name !== null) out.push(tagCondition('tag_name', [v.tag_name]));
  if (v.selector !== null) out.push(attempt(ctx, `${path}.selector`, () => selectorCondition('selector', [parseSelector(v.selector as string)])));
  for (const f of ['text', 'href'] as const) {
    const pattern = v[f];
    if (pattern === null) continue;
    const fp = `${path}.${f}`;
    out.push(attempt(ctx, fp, () => chainStringCondition(f, f, f === 'text' ? textOf : hrefOf, [compileStringMatcher(f, pattern, modes[f], fp)])));
  }
  const props = s.properties;
  if (props !== undefined && props !== null) {
    if (!Array.isArray(props)) ctx.errors.push(new ActionValidationError(`${path}.properties`, 'must be a list of property filters'));
    else props.forEach((filter, i) => out.push(compileFilter(filter, `${path}.properties[${i}]`, ctx)));
  }
  return out.filter((c): c is Condition => c !== null);
}
