// @ts-nocheck
import { jsonArrayParser } from './json-array';
import { jsonlParser } from './jsonl';
import { posthogCsvParser } from './posthog-csv';
import type { ChunkParser, ImportFormat } from './types';

/** A fresh streaming parser for `format`. */
export function parserFor(format: ImportFormat): ChunkParser {
  return format === 'json' ? jsonArrayParser() : format === 'jsonl' ? jsonlParser() : posthogCsvParser();
}

/**
 * The format of a file: by its name (`.csv`, `.jsonl` / `.ndjson`, `.json`), else by its first
 * non-blank character (`[` a JSON array, `{` JSON lines, anything else CSV).
 */
export function detectFormat(name: string, head: string): ImportFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? 'jsonl' : 'csv';
}
