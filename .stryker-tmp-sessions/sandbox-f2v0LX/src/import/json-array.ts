// @ts-nocheck
import { MAX_ITEM_CHARS, oversize } from './limits';
import type { ChunkParser, ParsedItem } from './types';

// start: before `[`; open: after `[` (an element or `]` next); before: after a comma (an element next).
type State = 'start' | 'open' | 'before' | 'element' | 'done' | 'failed';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * A JSON array read element by element: only the current element's text is kept, each element
 * is handed to `JSON.parse` on its own. The scanner follows strings, escapes and nesting just
 * enough to find where a top-level element ends, so an element that is not valid JSON is
 * reported (with the line it starts on) and the next one is still read. A file that is not an
 * array, or text after its closing `]`, ends the reading with one error. No library: the
 * streaming JSON parsers on npm either emit tokens (we would rebuild objects in JS, slower than
 * `JSON.parse`) or are unmaintained; this scanner is ~100 lines and tested at every chunk boundary.
 */
export function jsonArrayParser(): ChunkParser {
  let state: State = 'start';
  let line = 1;
  let bom = true;
  // Current element: its text so far (parts), start line, nesting depth, string state.
  let parts: string[] = [];
  let size = 0;
  let tooBig = false;
  let startLine = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;

  const finishElement = (out: ParsedItem[]) => {
    if (tooBig) out.push({ line: startLine, error: oversize('the array element') });
    else {
      const text = parts.join('');
      try {
        out.push({ line: startLine, value: JSON.parse(text) });
      } catch (error) {
        out.push({ line: startLine, error: `not valid JSON (${(error as Error).message})` });
      }
    }
    parts = [];
    size = 0;
    tooBig = false;
  };
  const keep = (chunk: string, from: number, to: number) => {
    if (tooBig || to <= from) return;
    size += to - from;
    if (size > MAX_ITEM_CHARS) {
      tooBig = true;
      parts = [];
    } else parts.push(chunk.slice(from, to));
  };
  const fail = (out: ParsedItem[], error: string) => {
    out.push({ line, error });
    state = 'failed';
  };

  const push = (chunk: string): ParsedItem[] => {
    const out: ParsedItem[] = [];
    let i = 0;
    if (bom && chunk.length) {
      bom = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    let elementFrom = state === 'element' ? i : -1;
    for (; i < chunk.length && state !== 'failed'; i++) {
      const c = chunk.charCodeAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          else if (c === 0x0a) line++; // invalid in JSON; JSON.parse will say so, the count stays right
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (depth > 0) depth--;
          else {
            keep(chunk, elementFrom, i);
            finishElement(out);
            state = 'done';
          }
        } else if (c === 0x2c && depth === 0) {
          keep(chunk, elementFrom, i);
          finishElement(out);
          state = 'before';
        } else if (c === 0x0a) line++;
        continue;
      }
      if (c === 0x0a) line++;
      if (WS.has(c)) continue;
      if (state === 'start') {
        if (c === 0x5b) state = 'open';
        else fail(out, `not a JSON array: the file starts with ${JSON.stringify(chunk[i])}, expected [`);
      } else if (state === 'open' && c === 0x5d) state = 'done';
      else if (state === 'before' || state === 'open') {
        if (state === 'before' && c === 0x5d) {
          fail(out, 'a comma before the closing ] (no element after it)');
          break;
        }
        state = 'element';
        startLine = line;
        depth = 0;
        inString = false;
        escaped = false;
        elementFrom = i;
        i--; // scan this character as part of the element
      } else if (state === 'done') fail(out, 'text after the closing ] of the array');
    }
    if (state === 'element') keep(chunk, elementFrom, chunk.length);
    return out;
  };

  const end = (): ParsedItem[] => {
    const out: ParsedItem[] = [];
    if (state === 'start') out.push({ line, error: 'the file is empty: expected a JSON array' });
    else if (state === 'element') out.push({ line: startLine, error: 'the array ends inside this element (file cut short?)' });
    else if (state === 'before' || state === 'open') out.push({ line, error: 'the array is not closed with ]' });
    state = 'failed';
    return out;
  };
  return { push, end };
}
