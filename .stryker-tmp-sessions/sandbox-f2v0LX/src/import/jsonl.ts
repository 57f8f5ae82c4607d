// @ts-nocheck
import { LineSplitter, type NumberedLine } from './lines';
import { MAX_ITEM_CHARS, oversize } from './limits';
import type { ChunkParser, ParsedItem } from './types';

/** JSON Lines: one JSON value per line; blank lines are skipped; a bad line is reported and skipped. */
export function jsonlParser(): ChunkParser {
  const lines = new LineSplitter(MAX_ITEM_CHARS);
  const parse = (batch: NumberedLine[]): ParsedItem[] => {
    const out: ParsedItem[] = [];
    for (const { line, text } of batch) {
      if (text === null) {
        out.push({ line, error: oversize('the line') });
        continue;
      }
      if (text.trim() === '') continue;
      try {
        out.push({ line, value: JSON.parse(text) });
      } catch (error) {
        out.push({ line, error: `not valid JSON (${(error as Error).message})` });
      }
    }
    return out;
  };
  return { push: (chunk) => parse(lines.push(chunk)), end: () => parse(lines.end()) };
}
