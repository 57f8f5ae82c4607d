/**
 * Selector constructs that PostHog's selector compiler handles differently from a browser
 * (spec, "Differences from PostHog"). Works on parseSelector's AST so that, e.g., `[a*=v]` is
 * never mistaken for a universal selector.
 */
// @ts-nocheck

import { parseSelector, type Compound } from '../index';

/** One selector finding: the construct and what each side does with it. */
export interface SelectorFinding {
  construct: string;
  posthog: string;
  lasso: string;
}

const AS_BROWSER = 'matches it exactly as the browser does (`closest()` on the live page)';

/** Every construct in `source` whose result could differ in PostHog; [] for a clean selector. */
export function selectorFindings(source: string): SelectorFinding[] {
  let ast;
  try {
    ast = parseSelector(source);
  } catch (e) {
    return [{ construct: `unparsable selector ${JSON.stringify(source)}`, posthog: 'its parser may accept or mis-read it', lasso: `refuses to save it: ${(e as Error).message}` }];
  }
  const out: SelectorFinding[] = [];
  const add = (construct: string, posthog: string, lasso = AS_BROWSER) => {
    if (!out.some((f) => f.construct === construct)) out.push({ construct, posthog, lasso });
  };
  if (ast.selectors.length > 1) {
    add('selector list (`a, b`)', 'has no selector lists; the comma is read as part of a selector, so it may match nothing', 'matches when any selector of the list matches');
  }
  if (source.includes('\\')) {
    add('CSS escape (`\\`)', 'does not decode CSS escapes, so `.md\\:flex` looks for a class with a backslash in it', 'decodes escapes as CSS does');
  }
  for (const complex of ast.selectors) {
    if (complex.combinators.includes(' ')) {
      add('descendant combinator (space)', 'needs the two parts on adjacent elements of the chain (parent and child), so an element further up is missed', 'matches any ancestor, as CSS does');
    }
    for (const c of complex.compounds) compoundFindings(c, add);
  }
  return out;
}

function compoundFindings(c: Compound, add: (construct: string, posthog: string, lasso?: string) => void): void {
  if (c.tag === null && c.ids.length + c.classes.length + c.attrs.length + c.nth.length === 0) {
    add('universal selector `*`', 'does not understand `*` and may look for a tag named "*"');
  }
  for (const id of c.ids) add(`id selector \`#${id}\``, 'ignores or mis-parses `#id` in some of its matchers, so the id condition may be dropped or never match');
  for (const cls of c.classes) {
    add(`class selector \`.${cls}\``, `matches the class as a substring, so \`.${cls}\` also matches e.g. \`${cls}-primary\``, 'matches whole class tokens only, as CSS does');
  }
  for (const a of c.attrs) {
    const shown = `[${a.name}${a.op}${a.op ? JSON.stringify(a.value) : ''}${a.flag ? ' i' : ''}]`;
    if (/\s/.test(a.value)) add(`attribute value with spaces \`${shown}\``, 'splits the selector on spaces, so the value is cut at the first space and the rest read as another part');
    if (a.value.includes('"')) add(`attribute value with a double quote \`${shown}\``, 'compares against the chain, where `"` is stored as `\\"`, so the value never matches', 'unescapes the chain value first');
    if (a.op !== '=') add(`attribute test \`${shown}\``, 'supports only `[name=value]`; presence and prefix/suffix/substring/word tests are not honoured');
    if (a.flag) add(`case-insensitive flag \`${shown}\``, 'ignores the ` i` flag and compares case-sensitively', 'compares ASCII case-insensitively');
  }
  for (const n of c.nth) {
    if (n.ofType) add(':nth-of-type / :first-of-type', 'ignores it, so the selector matches elements at any position');
    else if (n.a !== 0) add(`:nth-child(${n.a}n${n.b >= 0 ? '+' : ''}${n.b})`, 'supports only a plain position (`:nth-child(3)`), not An+B formulas, odd or even');
  }
}
