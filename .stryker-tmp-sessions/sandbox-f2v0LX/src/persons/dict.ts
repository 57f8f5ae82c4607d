/**
 * Own-key dictionaries on plain objects. Distinct ids, group keys and property names come from
 * the page or from imported files, so any of them may be `__proto__`, `constructor` or
 * `toString`. Plain `obj[key]` reads would see Object.prototype and `obj[key] = v` would replace
 * the prototype; these helpers only ever touch own properties, and the objects stay plain so the
 * state remains JSON-serializable.
 */
// @ts-nocheck


/** A plain-object dictionary (JSON-serializable). */
export type Dict<T> = Record<string, T>;

/** The own value at `key`, or undefined. */
export function dictGet<T>(dict: Dict<T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : undefined;
}

/** Whether `key` is an own key of `dict`. */
export function dictHas(dict: Dict<unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(dict, key);
}

/**
 * Sets the own property `key`. Plain assignment creates an own property for every name except
 * `__proto__` (the one accessor on Object.prototype), which needs defineProperty; assignment is
 * kept for the rest because defineProperty is several times slower.
 */
export function dictSet<T>(dict: Dict<T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(dict, key, { value, writable: true, enumerable: true, configurable: true });
  else dict[key] = value;
}

/** Removes the own property `key`. */
export function dictDelete(dict: Dict<unknown>, key: string): void {
  if (dictHas(dict, key)) delete dict[key];
}

/** A shallow own-key copy of `source`. */
export function dictCopy<T>(source: Dict<T>): Dict<T> {
  const copy: Dict<T> = {};
  for (const key of Object.keys(source)) dictSet(copy, key, source[key]);
  return copy;
}

/** True for a non-null, non-array object (PostHog's test for `$set`, `$groups`, `$group_set`). */
export function isPlainObject(value: unknown): value is Dict<unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
