/**
 * CSS Syntax Level 3 code-point rules the selector parser needs: identifiers, strings and
 * escapes, so that `.md\:flex`, `.w-1\/2` and `#\31 23` mean what they mean to the browser.
 */
// @ts-nocheck


const HEX = /[0-9a-fA-F]/;
const MAX_CODE_POINT = 0x10ffff;

/** CSS preprocessing: CR / CRLF / FF become LF, NUL becomes U+FFFD. */
export const preprocess = (s: string): string => s.replace(/\r\n?|\f/g, '\n').replace(/\0/g, '\uFFFD');

export const isWhitespace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) >= 0x80);
const isName = (c: string | undefined): boolean => isNameStart(c) || isDigit(c) || c === '-';

/** A backslash at `i` that starts an escape (not followed by a newline). */
export const isValidEscape = (s: string, i: number): boolean => s[i] === '\\' && s[i + 1] !== '\n';

/** Does an identifier start at `i`? */
export function startsIdent(s: string, i: number): boolean {
  const c = s[i];
  if (c === '-') return isNameStart(s[i + 1]) || s[i + 1] === '-' || isValidEscape(s, i + 1);
  return isNameStart(c) || isValidEscape(s, i);
}

/** Result of a read: the decoded text and the index just after it. */
export interface Read {
  text: string;
  end: number;
}

/** Decodes the escape whose backslash is at `i`. */
function readEscape(s: string, i: number): Read {
  let j = i + 1;
  if (j >= s.length) return { text: '\uFFFD', end: j };
  if (HEX.test(s[j])) {
    let hex = '';
    while (hex.length < 6 && j < s.length && HEX.test(s[j])) hex += s[j++];
    if (isWhitespace(s[j])) j++;
    const cp = parseInt(hex, 16);
    const bad = cp === 0 || cp > MAX_CODE_POINT || (cp >= 0xd800 && cp <= 0xdfff);
    return { text: String.fromCodePoint(bad ? 0xfffd : cp), end: j };
  }
  const cp = s.codePointAt(j) as number;
  return { text: String.fromCodePoint(cp), end: j + (cp > 0xffff ? 2 : 1) };
}

/** Reads name code points and escapes from `i` (the caller checked startsIdent when it matters). */
export function readName(s: string, i: number): Read {
  let text = '';
  let j = i;
  while (j < s.length) {
    if (isName(s[j])) text += s[j++];
    else if (isValidEscape(s, j)) {
      const e = readEscape(s, j);
      text += e.text;
      j = e.end;
    } else break;
  }
  return { text, end: j };
}

/** Reads a quoted string whose opening quote is at `i`; null when it is unterminated or has a raw newline. */
export function readString(s: string, i: number): Read | null {
  const quote = s[i];
  let text = '';
  for (let j = i + 1; j < s.length; ) {
    const c = s[j];
    if (c === quote) return { text, end: j + 1 };
    if (c === '\n') return null;
    if (c === '\\') {
      if (j + 1 >= s.length) return null;
      if (s[j + 1] === '\n') {
        j += 2; // line continuation
        continue;
      }
      const e = readEscape(s, j);
      text += e.text;
      j = e.end;
      continue;
    }
    text += c;
    j++;
  }
  return null;
}

/** ASCII-only lower-casing, as browsers fold attribute values for `[a=v i]`. */
export const asciiLower = (s: string): string => (/[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s);
