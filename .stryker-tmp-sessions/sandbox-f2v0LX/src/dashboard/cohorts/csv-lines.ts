/**
 * The malformed lines of a CSV of distinct ids, with their line numbers, before anything is saved.
 * The file is read as `staticCohortFromCsv` (src/cohorts/csv.ts) reads it: one column of ids when
 * the first non-blank line has at most one value, else a header with a `distinct_id` column. A line
 * is malformed when that reading would drop or misread it: several values in a one-column file
 * (only the first would be kept), no value in the distinct_id column, or an unclosed quote.
 * Lines are physical lines (ids never hold line breaks), so a quoted line break is reported too.
 */
// @ts-nocheck

import { parseCsvRows } from '../../cohorts/csv';

/** One malformed line: its 1-based number and what is wrong, in words. */
export interface CsvLineProblem {
  line: number;
  problem: string;
}

const DISTINCT_ID_HEADERS = ['distinct_id', 'distinct-id'];
const quotesOpen = (line: string): boolean => (line.match(/"/g)?.length ?? 0) % 2 === 1;
const cellsOf = (line: string): string[] => parseCsvRows(line)[0] ?? [];

/** Every malformed line of `text` (empty when every line reads as one distinct id, or is blank). */
export function csvLineProblems(text: string): CsvLineProblem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return [];
  const problems: CsvLineProblem[] = [];
  const header = cellsOf(lines[first]);
  const oneColumn = header.filter((c) => c.trim()).length <= 1;
  const column = oneColumn ? 0 : header.findIndex((h) => DISTINCT_ID_HEADERS.includes(h.trim().toLowerCase()));
  if (column < 0) return []; // no distinct_id column: staticCohortFromCsv refuses the whole file, saying so
  lines.forEach((line, i) => {
    if (i < first || (!oneColumn && i === first) || line.trim() === '') return;
    const at = { line: i + 1 };
    if (quotesOpen(line)) return problems.push({ ...at, problem: 'a quote is not closed' });
    const cells = cellsOf(line);
    const filled = cells.filter((c) => c.trim());
    if (oneColumn && filled.length > 1) return problems.push({ ...at, problem: `${filled.length} values (${filled.map((c) => JSON.stringify(c.trim())).join(', ')}); put one distinct id per line` });
    if (!oneColumn && !(cells[column] ?? '').trim()) return problems.push({ ...at, problem: `no value in the distinct_id column (column ${column + 1})` });
    if (oneColumn && !filled.length) return problems.push({ ...at, problem: 'no distinct id, only commas' });
  });
  return problems;
}
