// @ts-nocheck
import { chainStringCondition, hrefOf, selectorCondition, tagCondition, tagOf, textOf } from './chain-conditions';
import { attempt, negate, type CompileContext, type Condition, type Person } from './condition';
import { parseDateOperand, parseDateValue, sameAt, showDate, type DateOperand } from './dates';
import { ActionValidationError } from './errors';
import { compileRegex, type Re2 } from './regex';
import { parseSelector } from './selector/parse';
import { compileStringMatcher, type StringMatcher } from './strings';
import type { PropertyOperator } from './types';
import { prepare, show, stringify, toNumber, valueEquals } from './values';

/** Property filters (`{key, value, operator, type}`) compiled to conditions. */

export const OPERATORS: readonly PropertyOperator[] = [
  'exact', 'is_not', 'icontains', 'not_icontains', 'regex', 'not_regex', 'gt', 'gte', 'lt', 'lte',
  'is_set', 'is_not_set', 'is_date_before', 'is_date_after', 'is_date_exact',
];
const NEGATIVE = new Set<PropertyOperator>(['is_not', 'not_icontains', 'not_regex', 'is_not_set']);
const ELEMENT_KEYS = ['selector', 'text', 'href', 'tag_name'];
const ELEMENT_OPERATORS: PropertyOperator[] = ['exact', 'is_not', 'icontains', 'not_icontains', 'regex', 'not_regex', 'is_set', 'is_not_set'];
const COMPARE: Partial<Record<PropertyOperator, [string, (a: number, b: number) => boolean]>> = {
  gt: ['>', (a, b) => a > b], gte: ['≥', (a, b) => a >= b], lt: ['<', (a, b) => a < b], lte: ['≤', (a, b) => a <= b],
};

const isScalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const fail = (path: string, problem: string): never => {
  throw new ActionValidationError(path, problem);
};

/** The filter's value(s) as a list, validated: scalars only, at least one. */
function valuesOf(value: unknown, path: string, operator: string): unknown[] {
  if (value === undefined || value === null) fail(path, `a value is required for operator '${operator}'`);
  const list = Array.isArray(value) ? value : [value];
  if (!list.length) fail(path, 'the value list is empty');
  list.forEach((v, i) => isScalar(v) || fail(Array.isArray(value) ? `${path}[${i}]` : path, `${show(v)} is not a string, number or boolean`));
  return list;
}

function single(value: unknown, path: string, operator: string): unknown {
  const list = valuesOf(value, path, operator);
  if (list.length > 1 || Array.isArray(value)) fail(path, `operator '${operator}' takes one value, not a list`);
  return list[0];
}

/** Test and words for one operator over a present value. */
interface Predicate {
  holds(v: unknown): boolean;
  phrase: string;
}

function predicate(operator: PropertyOperator, value: unknown, path: string, now: () => number): Predicate {
  const base = NEGATIVE.has(operator) ? (operator.replace(/^(is_)?not_?/, '') || 'exact') as PropertyOperator : operator;
  if (base === 'exact') {
    const expected = valuesOf(value, path, operator).map(prepare);
    const list = expected.map((e) => show(e.raw)).join(', ');
    return { holds: (v) => expected.some((e) => valueEquals(v, e)), phrase: expected.length > 1 ? `equals one of ${list}` : `equals ${list}` };
  }
  if (base === 'icontains') {
    const needles = valuesOf(value, path, operator).map((v) => (stringify(v) ?? '').toLowerCase());
    return {
      holds: (v) => {
        const s = stringify(v)?.toLowerCase();
        return s !== undefined && needles.some((n) => s.includes(n));
      },
      phrase: `contains ${needles.map(show).join(' or ')} (case-insensitive)`,
    };
  }
  if (base === 'regex') {
    const list = valuesOf(value, path, operator);
    const res: Re2[] = list.map((v, i) => compileRegex(String(v), Array.isArray(value) ? `${path}[${i}]` : path));
    return {
      holds: (v) => {
        const s = stringify(v);
        return s !== null && res.some((re) => re.test(s));
      },
      phrase: `matches ${res.map((r) => `/${r.source}/`).join(' or ')}`,
    };
  }
  const cmp = COMPARE[base];
  if (cmp) {
    const n = toNumber(single(value, path, operator));
    if (n === null) fail(path, `${show(value)} is not a number; '${operator}' compares numbers`);
    return { holds: (v) => toNumber(v) !== null && cmp[1](toNumber(v) as number, n as number), phrase: `${cmp[0]} ${n}` };
  }
  if (base === 'is_set') return { holds: () => true, phrase: 'is set' };
  const operand: DateOperand =
    parseDateOperand(single(value, path, operator)) ?? fail(path, `${show(value)} is not a date; use ISO 8601 (2024-05-01, 2024-05-01T12:00:00Z) or a relative value such as -7d or -24h`);
  const word = base === 'is_date_before' ? 'before' : base === 'is_date_after' ? 'after' : 'on';
  return {
    holds: (v) => {
      const d = parseDateValue(v);
      if (d === null) return false;
      const at = operand.at(now());
      return base === 'is_date_before' ? d < at : base === 'is_date_after' ? d > at : sameAt(d, at, operand.granularity);
    },
    // A getter: a relative date is shown as of the moment of the explanation.
    get phrase() {
      return `is a date ${word} ${operand.written}${/^-/.test(operand.written) ? ` (${showDate(operand.at(now()))})` : ''}`;
    },
  };
}

function propertyCondition(name: string, type: 'event' | 'person', key: string, operator: PropertyOperator, p: Predicate): Condition {
  const negative = NEGATIVE.has(operator);
  const subject = `${type} property '${key}'`;
  const lookup = (event: { properties: Record<string, unknown> }, person: Person): [boolean, unknown] => {
    const props = type === 'person' ? person?.properties : event.properties;
    return props != null && Object.hasOwn(props, key) ? [true, props[key]] : [false, undefined];
  };
  const test = (event: { properties: Record<string, unknown> }, person: Person): boolean => {
    const [has, v] = lookup(event, person);
    if (operator === 'is_set' || operator === 'is_not_set') return has !== negative;
    // A missing key or null value: positive operators fail, negative ones hold.
    if (!has || v === null || v === undefined) return negative;
    return p.holds(v) !== negative;
  };
  return {
    name,
    test,
    explain(event, person) {
      const [has, v] = lookup(event, person);
      const passed = test(event, person);
      if (!has) return `${subject} is not set${passed && negative ? ` (so '${operator}' holds)` : ''}`;
      if (operator === 'is_set' || operator === 'is_not_set') return `${subject} is set (to ${show(v)})`;
      const phrase = negative ? `does not satisfy "${p.phrase}"` : p.phrase;
      return passed ? `${subject} is ${show(v)}, which ${phrase}` : `${subject} is ${show(v)}, which fails "${negative ? 'not: ' : ''}${p.phrase}"`;
    },
  };
}

function elementCondition(name: string, key: string, operator: PropertyOperator, value: unknown, path: string): Condition {
  if (!ELEMENT_OPERATORS.includes(operator) || (key === 'selector' && /contains|regex/.test(operator))) {
    fail(`${path}.operator`, `operator '${operator}' does not apply to element filter '${key}'`);
  }
  const negative = NEGATIVE.has(operator);
  const field = key === 'text' ? textOf : key === 'href' ? hrefOf : tagOf;
  let c: Condition;
  if (operator === 'is_set' || operator === 'is_not_set') {
    if (key === 'selector') fail(`${path}.operator`, `operator '${operator}' does not apply to element filter 'selector'`);
    c = chainStringCondition(name, key, field, [{ test: (s) => s !== '', describe: 'is set', negated: 'is not set' }]);
  } else {
    const values = valuesOf(value, `${path}.value`, operator).map(String);
    const at = (i: number) => (Array.isArray(value) ? `${path}.value[${i}]` : `${path}.value`);
    const mode = /contains/.test(operator) ? 'contains' : /regex/.test(operator) ? 'regex' : 'exact';
    if (key === 'selector') c = selectorCondition(name, values.map((v, i) => parseSelectorAt(v, at(i))));
    else if (key === 'tag_name' && mode === 'exact') c = tagCondition(name, values);
    else {
      const matchers: StringMatcher[] = values.map((v, i) => compileStringMatcher(key === 'href' ? 'href' : 'text', v, mode, at(i)));
      c = chainStringCondition(name, key === 'tag_name' ? 'tag' : key, field, matchers);
    }
  }
  return negative ? negate(c) : c;
}

function parseSelectorAt(source: string, path: string) {
  try {
    return parseSelector(source);
  } catch (e) {
    throw e instanceof ActionValidationError ? e.at(path) : e;
  }
}

/**
 * Compiles one property filter at `path` (e.g. "steps[0].properties[1]"). Problems are recorded
 * in `ctx.errors` (with the sub-path: `.key`, `.operator`, `.value`); returns null then.
 */
export function compileFilter(filter: unknown, path: string, ctx: CompileContext): Condition | null {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    ctx.errors.push(new ActionValidationError(path, 'a property filter must be an object with key, value, operator and type'));
    return null;
  }
  const f = filter as Record<string, unknown>;
  const before = ctx.errors.length;
  const type = f.type ?? 'event';
  if (type !== 'event' && type !== 'person' && type !== 'element') {
    ctx.errors.push(new ActionValidationError(`${path}.type`, `unknown filter type ${show(type)} — expected 'event', 'person' or 'element'`));
  }
  const operator = (f.operator ?? 'exact') as PropertyOperator;
  if (!OPERATORS.includes(operator)) {
    ctx.errors.push(new ActionValidationError(`${path}.operator`, `unknown operator ${show(f.operator)} — expected one of ${OPERATORS.join(', ')}`));
  }
  const key = f.key;
  if (typeof key !== 'string' || key === '') ctx.errors.push(new ActionValidationError(`${path}.key`, 'the property key must be a non-empty string'));
  else if (type === 'element' && !ELEMENT_KEYS.includes(key)) {
    ctx.errors.push(new ActionValidationError(`${path}.key`, `element filters take key 'selector', 'text', 'href' or 'tag_name', not ${show(key)}`));
  }
  if (ctx.errors.length > before) return null;
  return attempt(ctx, path, () => {
    if (type === 'element') return elementCondition(path.replace(/^.*\./, ''), key as string, operator, f.value, path);
    const p = operator === 'is_set' || operator === 'is_not_set' ? { holds: () => true, phrase: operator } : predicate(operator, f.value, `${path}.value`, ctx.now);
    return propertyCondition(path.replace(/^.*\./, ''), type as 'event' | 'person', key as string, operator, p);
  });
}
