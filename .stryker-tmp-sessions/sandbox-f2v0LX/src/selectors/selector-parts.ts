/**
 * Shape of a selector string, for scoring: how many compound parts and position-based parts it
 * has. Pure string logic; it only has to understand selectors this module builds.
 */
// @ts-nocheck


/** Compound parts and positional pseudo-classes of a selector. */
export interface SelectorShape {
  /** `button.x` → 1, `#list > li button` → 3. */
  compoundParts: number;
  /** `:nth-child`, `:nth-of-type`, `:first-child`, `:first-of-type` occurrences. */
  positionalParts: number;
}

const POSITIONAL = /:(?:nth-child|nth-of-type|first-child|first-of-type)\b/g;

/**
 * Counts compound parts (separated by whitespace or `>` outside brackets, parentheses, quotes
 * and escapes) and positional pseudo-classes. Only the first selector of a list is looked at.
 */
export function selectorShape(selector: string): SelectorShape {
  let compounds = 0;
  let inCompound = false;
  let depth = 0;
  let quote = '';
  let positionalSource = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\') {
      // An escape belongs to the current compound (`.md\:flex`, `#\31 23`).
      if (!inCompound) compounds++;
      inCompound = true;
      // `\31 ` is a hex escape ended by one optional space; `\:` escapes one character.
      const hex = /^[0-9a-fA-F]{1,6}[ \t\n]?/.exec(selector.slice(i + 1, i + 8));
      const length = hex ? hex[0].length : 1;
      positionalSource += ' '.repeat(length + 1);
      i += length;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      positionalSource += ' ';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && c === ',') break;
    if (depth === 0 && (c === ' ' || c === '>' || c === '\t' || c === '\n')) {
      inCompound = false;
    } else if (!inCompound) {
      compounds++;
      inCompound = true;
    }
    positionalSource += quote || depth > 0 && c !== '(' ? ' ' : c;
  }
  return { compoundParts: compounds, positionalParts: (positionalSource.match(POSITIONAL) ?? []).length };
}
