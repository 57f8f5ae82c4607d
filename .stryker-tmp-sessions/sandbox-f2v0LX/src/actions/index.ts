/**
 * Action matching (normative semantics: shared/spec/action-semantics.md). Compile an action once,
 * then ask whether stored events match it, why (explain), or which live elements would.
 */
// @ts-nocheck

export { compileAction, validateAction } from './compile';
export type { CompiledAction, CompileOptions } from './compile';
export { ActionValidationError } from './errors';
export { parseSelector } from './selector/parse';
export type { SelectorAst, ComplexSelector, Compound, AttrTest, NthTest, Combinator } from './selector/ast';
export { matchesChain, matchesAt, closestIndex } from './selector/match';
export { compileStringMatcher, defaultMatching } from './strings';
export type { StringMatcher, MatchedField } from './strings';
export { compileContains } from './like';
export { compileRegex } from './regex';
export { chainOf, parseChainCached, setChainCacheLimit } from './chain-cache';
export { eventForClickOn } from './element';
export { OPERATORS } from './filters';
