/**
 * How property values compare (spec: Property filters): numbers and numeric strings compare as
 * numbers, everything else as case-sensitive strings. A null value counts as "no value" for
 * comparisons (is_set still sees the key).
 */
// @ts-nocheck


const NUMERIC = /^[ \t\n\r]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r]*$/;

/** The number a value stands for (a finite number, or a decimal numeric string), else null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && NUMERIC.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The string a value is compared as; null for null / undefined. */
export function stringify(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) ?? null;
  } catch {
    return null;
  }
}

/** One filter value prepared once: its string and, when numeric, its number. */
export interface Expected {
  raw: unknown;
  text: string;
  number: number | null;
}

export const prepare = (v: unknown): Expected => ({ raw: v, text: stringify(v) ?? '', number: toNumber(v) });

/** `exact` equality of an actual value with one expected value. */
export function valueEquals(actual: unknown, expected: Expected): boolean {
  if (actual === null || actual === undefined) return false;
  if (expected.number !== null) {
    const n = toNumber(actual);
    if (n !== null) return n === expected.number;
  }
  return stringify(actual) === expected.text;
}

/** Short, quoted rendering of a value for explanations. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = typeof v === 'string' ? v : stringify(v) ?? 'null';
  const cut = s.length > 80 ? s.slice(0, 77) + '…' : s;
  return typeof v === 'string' ? `'${cut}'` : cut;
}
