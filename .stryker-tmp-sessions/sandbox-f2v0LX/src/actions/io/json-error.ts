/**
 * Locates the first JSON syntax error. Node 20's `JSON.parse` messages carry no position
 * ("Unexpected token '}', ... is not valid JSON"), and users need a line and column to fix a
 * hand-edited file. Only run after `JSON.parse` has failed, so speed is secondary; it is
 * iterative (explicit stack) so deeply nested input cannot overflow the call stack.
 */
// @ts-nocheck

export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: string[] = [];
  let expect = 'value' as Expect;
  let i = 0;
  const fail = (offset: number, message: string) => at(text, offset, message);
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');

  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    if (i >= text.length) return expect === 'end' ? null : fail(i, 'unexpected end of file');
    const c = text[i];
    switch (expect) {
      case 'value-or-close':
      case 'value': {
        if (expect === 'value-or-close' && c === ']') { stack.pop(); i++; expect = afterValue(); break; }
        if (c === '{' || c === '[') { stack.push(c); i++; expect = c === '{' ? 'key-or-close' : 'value-or-close'; break; }
        const end = scalarEnd(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        i = end;
        expect = afterValue();
        break;
      }
      case 'key-or-close':
      case 'key': {
        if (expect === 'key-or-close' && c === '}') { stack.pop(); i++; expect = afterValue(); break; }
        if (c !== '"') return fail(i, `expected a property name in double quotes, found ${show(c)}`);
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        i = end;
        expect = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') return fail(i, `expected ':' after the property name, found ${show(c)}`);
        i++;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        const close = open === '[' ? ']' : '}';
        if (c === ',') { i++; expect = open === '[' ? 'value' : 'key'; break; }
        if (c === close) { stack.pop(); i++; expect = afterValue(); break; }
        return fail(i, `expected ',' or '${close}', found ${show(c)}`);
      }
      case 'end':
        return fail(i, `unexpected ${show(c)} after the end of the JSON value`);
    }
  }
}

function scalarEnd(text: string, i: number): number | { offset: number; message: string } {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  return { offset: i, message: `unexpected ${show(c)} where a value was expected` };
}

function stringEnd(text: string, start: number): number | { offset: number; message: string } {
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '"') return j + 1;
    if (c < ' ') return { offset: j, message: 'control character (such as a line break) inside a string' };
    if (c === '\\') {
      const e = text[j + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
      else if (e !== undefined && ESCAPES.has(e)) j += 1;
      else return { offset: j, message: 'invalid escape sequence in a string' };
    }
  }
  return { offset: start, message: 'string is never closed' };
}

function show(c: string): string {
  return JSON.stringify(c);
}

function at(text: string, offset: number, message: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') { line++; lineStart = k + 1; }
  }
  return { offset, line, column: offset - lineStart + 1, message };
}
