// @ts-nocheck
import type { CaptureEvent, ChainElement } from '../events/types';
import { chainOf, matchChainOf } from './chain-cache';
import type { Condition } from './condition';
import type { SelectorAst } from './selector/ast';
import { closestIndexFast } from './selector/match';
import type { StringMatcher } from './strings';
import { show } from './values';

/**
 * Conditions judged on the event's parsed chain: selector, text, href, tag_name. Used by step
 * fields and by `type: element` property filters alike, so both mean the same thing.
 */

const where = (chain: readonly ChainElement[], i: number): string =>
  i === 0 ? `the clicked <${chain[0].tag_name}>` : `<${chain[i].tag_name}> (${i} level${i > 1 ? 's' : ''} above the clicked element)`;

/** Some element of the chain (clicked element or ancestor) matches one of the selectors. */
export function selectorCondition(name: string, asts: SelectorAst[]): Condition {
  const shown = asts.map((a) => `\`${a.source}\``).join(' or ');
  return {
    name,
    test(event) {
      const mc = matchChainOf(event);
      for (let i = 0; i < asts.length; i++) if (closestIndexFast(asts[i], mc) >= 0) return true;
      return false;
    },
    explain(event) {
      const mc = matchChainOf(event);
      const chain = mc.els;
      if (!chain.length) return 'the event has no elements chain';
      for (const ast of asts) {
        const i = closestIndexFast(ast, mc);
        if (i >= 0) return `${where(chain, i)} matches \`${ast.source}\``;
      }
      return `no element of the chain matches ${shown}`;
    },
  };
}

/** Reads one string field of a chain element. */
export type ChainField = (el: ChainElement) => string | undefined;

export const textOf: ChainField = (el) => el.text;
export const hrefOf: ChainField = (el) => el.href || el.attributes.attr__href;
export const tagOf: ChainField = (el) => el.tag_name;

/** Some element's `field` (named `label` in explanations) passes one of the matchers. */
export function chainStringCondition(name: string, label: string, field: ChainField, matchers: StringMatcher[]): Condition {
  const any = (s: string): StringMatcher | undefined => {
    for (let m = 0; m < matchers.length; m++) if (matchers[m].test(s)) return matchers[m];
    return undefined;
  };
  return {
    name,
    test(event) {
      const chain = chainOf(event);
      for (let i = 0; i < chain.length; i++) {
        const v = field(chain[i]);
        if (v !== undefined && any(v)) return true;
      }
      return false;
    },
    explain(event: CaptureEvent) {
      const chain = chainOf(event);
      if (!chain.length) return 'the event has no elements chain';
      const values: string[] = [];
      for (let i = 0; i < chain.length; i++) {
        const v = field(chain[i]);
        if (v === undefined || v === '') continue;
        const hit = any(v);
        if (hit) return `${label} ${show(v)} of ${where(chain, i)} ${hit.describe}`;
        if (!values.includes(v)) values.push(v);
      }
      const wanted = matchers.map((m) => m.negated).join(' and ');
      if (!values.length) return `no element of the chain has a ${label}`;
      if (values.length === 1) return `${label} ${show(values[0])} ${wanted}`;
      const list = values.slice(0, 5).map(show).join(', ') + (values.length > 5 ? ', …' : '');
      return `no ${label} in the chain ${matchers.map((m) => m.describe).join(' or ')} (${label}s: ${list})`;
    },
  };
}

/** Some element of the chain has one of these tags (case-insensitive). */
export function tagCondition(name: string, tags: string[]): Condition {
  const wanted = tags.map((t) => t.toLowerCase());
  return {
    name,
    test(event) {
      const chain = chainOf(event);
      for (let i = 0; i < chain.length; i++) if (wanted.includes(chain[i].tag_name.toLowerCase())) return true;
      return false;
    },
    explain(event) {
      const chain = chainOf(event);
      if (!chain.length) return 'the event has no elements chain';
      const i = chain.findIndex((el) => wanted.includes(el.tag_name.toLowerCase()));
      const list = wanted.map((t) => `<${t}>`).join(' or ');
      return i >= 0 ? `${where(chain, i)} is a ${list}` : `no element of the chain is a ${list} (tags: ${chain.map((e) => e.tag_name).join(' < ')})`;
    },
  };
}
