/**
 * Incremental line splitting for streamed text: chunks may cut a line (or a CRLF) anywhere.
 * Lines are numbered from 1 as an editor shows them; a leading byte-order mark is dropped and
 * a trailing `\r` is removed, so CRLF files read like LF ones.
 */
// @ts-nocheck

export interface NumberedLine {
  line: number;
  /** null when the line was longer than `maxChars` (its text was dropped while reading). */
  text: string | null;
}

/** Feeds chunks, yields complete lines; `end()` yields the last line when the text lacks a final newline. */
export class LineSplitter {
  private rest = '';
  private next = 1;
  private started = false;
  /** The current line grew past `maxChars`: its text is being dropped up to the next newline. */
  private dropping = false;

  constructor(private readonly maxChars = Infinity) {}

  /** The complete lines that `chunk` finishes. */
  push(chunk: string): NumberedLine[] {
    if (!this.started && chunk.length) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const text = this.rest + chunk;
    const out: NumberedLine[] = [];
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      out.push({ line: this.next++, text: this.dropping || nl - from > this.maxChars ? null : stripCr(text.slice(from, nl)) });
      this.dropping = false;
      from = nl + 1;
    }
    this.rest = text.slice(from);
    if (this.rest.length > this.maxChars) {
      this.dropping = true;
      this.rest = '';
    }
    return out;
  }

  /** The last line, when the text does not end with a newline. */
  end(): NumberedLine[] {
    const last = this.rest;
    const dropped = this.dropping;
    this.rest = '';
    this.dropping = false;
    if (dropped || last.length > this.maxChars) return [{ line: this.next++, text: null }];
    return last === '' ? [] : [{ line: this.next++, text: stripCr(last) }];
  }
}

const stripCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);
