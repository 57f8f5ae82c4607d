/**
 * RFC 4180 CSV cells and rows, hardened for spreadsheets. Pure: no DOM, no store.
 *
 * Formula injection: a cell a spreadsheet would read as a formula (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading `'`, as OWASP's "CSV Injection" guidance
 * recommends. Captured values come from web pages, which are never trusted: `=HYPERLINK(…)` in a
 * button's text must open as text. The cost is that a negative number stored as a *string*
 * (`"-3"`) reads `'-3`; numbers stored as numbers are written as they are.
 */
// @ts-nocheck


/** Starts a spreadsheet would evaluate (OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one value: strings as they are, null/undefined empty, objects and arrays as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const json = JSON.stringify(value);
  return FORMULA_START.test(json) ? `'${json}` : json;
}

/** One CSV field: quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
export function csvField(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 says. */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/**
 * The value at a column path: `event`, `timestamp`, `properties.$current_url`. Property keys may
 * hold dots (`$set.email` is not nested in PostHog): the longest own key that matches wins.
 */
export function valueAt(record: unknown, path: string): unknown {
  if (record === null || typeof record !== 'object') return undefined;
  const obj = record as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(obj, path)) return obj[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts.slice(0, i).join('.');
    if (Object.prototype.hasOwnProperty.call(obj, head)) return valueAt(obj[head], parts.slice(i).join('.'));
  }
  return undefined;
}
