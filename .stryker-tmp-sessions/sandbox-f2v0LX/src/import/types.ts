/**
 * What a parser yields for each item of a file: a value to validate as an event, or a problem
 * found while reading it. `line` is where the item starts (1-based), for the import report.
 */
// @ts-nocheck

export type ParsedItem = { line: number; value: unknown } | { line: number; error: string };

/** A streaming parser: feed text chunks in order, then end. Never holds more than one item's text. */
export interface ChunkParser {
  push(chunk: string): ParsedItem[];
  end(): ParsedItem[];
}

/** The file formats an import understands. */
export type ImportFormat = 'json' | 'jsonl' | 'csv';
