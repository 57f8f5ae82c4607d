// @ts-nocheck
import { ActionValidationError } from '../errors';
import type { AttrOperator, AttrTest, ComplexSelector, Compound, NthTest, SelectorAst } from './ast';
import { asciiLower, isWhitespace, preprocess, readName, readString, startsIdent } from './lexer';
import { classBit, classId, tagId } from './match-chain';
import { combinatorProblem, pseudoClassProblem, pseudoElementProblem } from './unsupported';

/**
 * HTML attributes whose values browsers compare ASCII case-insensitively in selectors (HTML
 * standard, "case-sensitivity of selectors"). Honoured so that stored events agree with
 * `closest()`: `[type=SUBMIT]` matches `<button type="submit">` in the browser.
 */
const CASE_INSENSITIVE_ATTRS = new Set(
  ('accept accept-charset align alink axis bgcolor charset checked clear codetype color compact declare defer dir ' +
    'direction disabled enctype face frame hreflang http-equiv lang language link media method multiple nohref ' +
    'noresize noshade nowrap readonly rel rev rules scope scrolling selected shape target text type valign valuetype vlink').split(' '),
);

const ATTR_OPERATORS: AttrOperator[] = ['=', '~=', '|=', '^=', '$=', '*='];

/** Recursive-descent parser over one preprocessed selector string. */
class Parser {
  i = 0;
  /** The selector as quoted in messages (long ones cut). */
  readonly shown: string;
  constructor(readonly s: string) {
    this.shown = s.length > 80 ? s.slice(0, 77) + '…' : s;
  }

  fail(problem: string): never {
    throw new ActionValidationError('', problem);
  }

  unexpected(expected: string): never {
    const at = this.i >= this.s.length ? 'the end' : `'${this.s[this.i]}' at position ${this.i + 1}`;
    return this.fail(`cannot parse selector \`${this.shown}\`: expected ${expected}, found ${at}`);
  }

  skipWhitespace(): boolean {
    const start = this.i;
    while (isWhitespace(this.s[this.i])) this.i++;
    if (this.s.startsWith('/*', this.i)) this.fail('comments are not supported in selectors');
    return this.i > start;
  }

  ident(what: string): string {
    if (!startsIdent(this.s, this.i)) this.unexpected(what);
    const read = readName(this.s, this.i);
    this.i = read.end;
    return read.text;
  }

  list(): SelectorAst {
    const selectors: ComplexSelector[] = [];
    this.skipWhitespace();
    for (;;) {
      selectors.push(this.complex());
      if (this.i >= this.s.length) break;
      if (this.s[this.i] !== ',') this.unexpected("',' or the end");
      this.i++;
      this.skipWhitespace();
    }
    return { source: this.s, selectors };
  }

  complex(): ComplexSelector {
    if (this.s[this.i] === '>') this.fail(`cannot parse selector \`${this.shown}\`: it starts with a combinator`);
    const compounds = [this.compound()];
    const combinators: Array<' ' | '>'> = [];
    for (;;) {
      const spaced = this.skipWhitespace();
      const c = this.s[this.i];
      if (c === undefined || c === ',') break;
      if (c === '+' || c === '~') this.fail(combinatorProblem(c));
      if (c === '|' && this.s[this.i + 1] === '|') this.fail(combinatorProblem('||'));
      if (c === '>') {
        this.i++;
        this.skipWhitespace();
        combinators.push('>');
      } else if (spaced) combinators.push(' ');
      else this.unexpected('a selector, a combinator, \',\' or the end');
      compounds.push(this.compound());
    }
    // Stored right to left: the subject first.
    return { compounds: compounds.reverse(), combinators: combinators.reverse() };
  }

  compound(): Compound {
    const out: Compound = { tag: null, tagId: -1, classBits: 0, classIds: null, ids: [], classes: [], attrs: [], nth: [] };
    const start = this.i;
    if (this.s[this.i] === '*') this.i++;
    else if (startsIdent(this.s, this.i)) out.tag = this.ident('a tag name').toLowerCase();
    if (this.s[this.i] === '|' && this.s[this.i + 1] !== '|') this.fail(`'${this.s.slice(start, this.i + 1)}' is not supported — namespaces are not in the supported selector set`);
    for (;;) {
      const c = this.s[this.i];
      if (c === '#') {
        this.i++;
        out.ids.push(this.ident("an id after '#'"));
      } else if (c === '.') {
        this.i++;
        out.classes.push(this.ident("a class name after '.'"));
      } else if (c === '[') out.attrs.push(this.attribute());
      else if (c === ':') out.nth.push(this.pseudo());
      else break;
    }
    if (this.i === start) this.unexpected('a selector');
    if (out.tag !== null) out.tagId = tagId(out.tag);
    for (const c of out.classes) out.classBits |= classBit(c);
    const ids = out.classes.map(classId);
    if (!ids.includes(-1)) out.classIds = ids;
    return out;
  }

  attribute(): AttrTest {
    const open = this.i++;
    this.skipWhitespace();
    if (this.s[this.i] === '|' || this.s[this.i] === '*') this.fail('attribute namespaces are not supported');
    const name = this.ident('an attribute name').toLowerCase();
    if (this.s[this.i] === '|' && this.s[this.i + 1] !== '=') this.fail('attribute namespaces are not supported');
    this.skipWhitespace();
    let op: AttrOperator = '';
    let value = '';
    let flag = false;
    if (this.s[this.i] !== ']') {
      op = ATTR_OPERATORS.find((o) => this.s.startsWith(o, this.i)) ?? this.unexpected("']' or an operator (= ~= |= ^= $= *=)");
      this.i += op.length;
      this.skipWhitespace();
      const q = this.s[this.i];
      if (q === '"' || q === "'") {
        const read = readString(this.s, this.i) ?? this.fail(`cannot parse selector \`${this.shown}\`: the string at position ${this.i + 1} is not closed on its line`);
        value = read.text;
        this.i = read.end;
      } else value = this.ident('an attribute value (an identifier or a quoted string)');
      const spaced = this.skipWhitespace();
      if (spaced && startsIdent(this.s, this.i)) {
        const f = this.ident('a flag');
        if (f.toLowerCase() !== 'i') this.fail(`the ' ${f}' attribute flag is not supported — only ' i' is`);
        flag = true;
        this.skipWhitespace();
      }
    }
    if (this.s[this.i] !== ']') this.unexpected(`']' to close the attribute selector opened at position ${open + 1}`);
    this.i++;
    const ci = flag || CASE_INSENSITIVE_ATTRS.has(name);
    return { name, key: 'attr__' + name, op, value, folded: ci ? asciiLower(value) : value, flag, ci };
  }

  pseudo(): NthTest {
    const start = this.i++;
    if (this.s[this.i] === ':') {
      this.i++;
      if (startsIdent(this.s, this.i)) this.ident('');
      this.fail(pseudoElementProblem(this.s.slice(start, this.i)));
    }
    const name = this.ident("a pseudo-class name after ':'").toLowerCase();
    const fn = this.s[this.i] === '(';
    const written = this.s.slice(start, this.i) + (fn ? '()' : '');
    if (!fn && name === 'first-child') return { ofType: false, a: 0, b: 1 };
    if (!fn && name === 'first-of-type') return { ofType: true, a: 0, b: 1 };
    if (fn && (name === 'nth-child' || name === 'nth-of-type')) {
      const close = this.s.indexOf(')', this.i);
      if (close < 0) this.unexpected(`')' to close :${name}(`);
      const arg = this.s.slice(this.i + 1, close);
      this.i = close + 1;
      return { ofType: name === 'nth-of-type', ...this.anPlusB(name, arg) };
    }
    return this.fail(pseudoClassProblem(written, name));
  }

  anPlusB(name: string, arg: string): { a: number; b: number } {
    const t = arg.replace(/^[ \t\n]+|[ \t\n]+$/g, '').toLowerCase();
    if (t === 'odd') return { a: 2, b: 1 };
    if (t === 'even') return { a: 2, b: 0 };
    if (/^[+-]?\d+$/.test(t)) return { a: 0, b: parseInt(t, 10) };
    const m = /^([+-]?)(\d*)n(?:[ \t\n]*([+-])[ \t\n]*(\d+))?$/.exec(t);
    if (!m) {
      if (/\sof\s/.test(` ${t} `)) this.fail(`':${name}(… of …)' is not supported — only An+B is`);
      this.fail(`':${name}(${arg})' is not valid — expected An+B, such as 2n+1, odd, even or 3`);
    }
    const a = (m[1] === '-' ? -1 : 1) * (m[2] === '' ? 1 : parseInt(m[2], 10));
    const b = m[3] ? (m[3] === '-' ? -1 : 1) * parseInt(m[4], 10) : 0;
    return { a, b };
  }
}

/**
 * Parses a selector in the supported set (type, `*`, `#id`, `.class`, attribute tests,
 * `:nth-child`, `:nth-of-type`, `:first-child`, `:first-of-type`, descendant and child
 * combinators, lists, CSS escapes). Throws ActionValidationError (path '') naming the part that
 * is unsupported or unparsable.
 */
export function parseSelector(source: string): SelectorAst {
  if (typeof source !== 'string') throw new ActionValidationError('', 'a selector must be a string');
  const s = preprocess(source);
  if (!s.trim()) throw new ActionValidationError('', 'the selector is blank');
  const ast = new Parser(s).list();
  ast.source = source;
  return ast;
}
