// @ts-nocheck
import { MAX_ITEM_CHARS, oversize } from './limits';

/** One CSV record: its fields and the line it starts on (a quoted field may span lines). */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

/**
 * RFC 4180 CSV, streamed: fields separated by commas, records by LF, CRLF or CR, `"` quoting with
 * `""` for a quote inside; a quoted field may hold commas and line breaks. A leading BOM is
 * dropped and empty lines are skipped. A record longer than MAX_ITEM_CHARS is reported and
 * skipped; a quote inside an unquoted field is kept as text (as Python's csv module reads it).
 */
export class CsvSplitter {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** Just saw a `"` inside a quoted field: either the end of the quotes or the first of `""`. */
  private quoteSeen = false;
  private afterCr = false;
  private line = 1;
  private startLine = 1;
  private size = 0;
  private tooBig = false;
  private started = false;

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started && chunk.length) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    // Plain characters are copied in runs (slice), not one by one.
    let runFrom = i;
    const flushRun = (to: number) => {
      if (to > runFrom) this.append(chunk.slice(runFrom, to));
    };
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.quoted) {
        if (!this.quoteSeen) {
          if (c === 0x22) {
            flushRun(i);
            this.quoteSeen = true;
            runFrom = i + 1;
          } else if (c === 0x0a) this.line++;
          continue;
        }
        this.quoteSeen = false;
        if (c === 0x22) {
          runFrom = i; // `""`: this second quote is kept as text
          continue;
        }
        this.quoted = false; // that was the closing quote; read this character as unquoted
      }
      if (this.afterCr) {
        this.afterCr = false;
        if (c === 0x0a) {
          this.line++;
          this.startLine = this.line;
          runFrom = i + 1;
          continue;
        }
      }
      if (c === 0x22 && this.field === '' && runFrom === i && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
        runFrom = i + 1;
      } else if (c === 0x2c) {
        flushRun(i);
        this.endField();
        runFrom = i + 1;
      } else if (c === 0x0a || c === 0x0d) {
        flushRun(i);
        this.endRecord(out);
        if (c === 0x0a) {
          this.line++;
          this.startLine = this.line;
        } else this.afterCr = true;
        runFrom = i + 1;
      } else this.fieldStarted = true;
    }
    flushRun(chunk.length);
    return out;
  }

  /** The current field already has a character (so a `"` now is text, not an opening quote). */
  private fieldStarted = false;

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.quoted && !this.quoteSeen) out.push({ line: this.startLine, error: 'a quoted field is not closed (file cut short?)' });
    else if (this.fields.length || this.field !== '' || this.fieldStarted || this.tooBig) this.endRecord(out);
    return out;
  }

  private append(text: string): void {
    if (this.tooBig) return;
    this.size += text.length;
    if (this.size > MAX_ITEM_CHARS) {
      this.tooBig = true;
      this.fields = [];
      this.field = '';
    } else this.field += text;
  }

  private endField(): void {
    if (!this.tooBig) this.fields.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    this.endField();
    if (this.tooBig) out.push({ line: this.startLine, error: oversize('the record') });
    else if (!(this.fields.length === 1 && this.fields[0] === '')) out.push({ line: this.startLine, fields: this.fields });
    this.fields = [];
    this.size = 0;
    this.tooBig = false;
  }
}
