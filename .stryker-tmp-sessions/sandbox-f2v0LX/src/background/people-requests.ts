/**
 * Payload checks for the cohorts.* and groups.* messages: each returns the checked fields or
 * throws MessageRejectedError naming the field and what was expected.
 */
// @ts-nocheck

import { MessageRejectedError } from '../messaging/validate';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const ID = /^[\w-]{1,64}$/;

function field(data: unknown, name: string): unknown {
  if (!isObject(data)) throw new MessageRejectedError('payload: expected an object');
  return data[name];
}

/** A cohort id (1–64 letters, digits, _ or -). */
export function cohortId(data: unknown, name = 'id'): string {
  const v = field(data, name);
  if (typeof v !== 'string' || !ID.test(v)) throw new MessageRejectedError(`${name}: expected a cohort id (1–64 letters, digits, _ or -)`);
  return v;
}

/** An optional integer in [min, max]. */
export function optionalInt(data: unknown, name: string, min: number, max: number): number | undefined {
  const v = field(data, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new MessageRejectedError(`${name}: expected an integer between ${min} and ${max}`);
  return v;
}

/** A string of 1–`max` characters (optional when `optional`). */
export function text(data: unknown, name: string, max: number, optional = false): string | undefined {
  const v = field(data, name);
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw new MessageRejectedError(`${name}: expected a string of 1–${max} characters`);
  return v;
}

/** `now` for cohort windows: epoch ms, optional. */
export const optionalNow = (data: unknown): number | undefined => optionalInt(data, 'now', 0, 8.64e15);

/** The cohorts.import payload. */
export function importRequest(data: unknown): { text: string; format: 'json' | 'csv'; name?: string } {
  const body = text(data, 'text', 64 * 1024 * 1024) as string;
  const format = field(data, 'format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new MessageRejectedError("format: expected 'json' or 'csv'");
  const name = text(data, 'name', 400, format === 'json');
  return { text: body, format, ...(name !== undefined && { name }) };
}

/** An optional list of cohort ids. */
export function optionalIds(data: unknown): string[] | undefined {
  const v = field(data, 'ids');
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((id) => typeof id === 'string' && ID.test(id))) throw new MessageRejectedError('ids: expected a list of cohort ids');
  return v as string[];
}

/** The cohort object of cohorts.save (its contents are checked by saveCohort). */
export function cohortInput(data: unknown): unknown {
  const v = field(data, 'cohort');
  if (!isObject(v)) throw new MessageRejectedError('cohort: expected a cohort object { name, definition }');
  return v;
}
