/**
 * The toolbar editor's action draft: pure model (types, conversion, validation, edits, feed
 * lines) plus two DOM parts (`stepFromElement`, `pageMatches`). No Preact here.
 */
// @ts-nocheck

export type { Draft, DraftField, DraftProblems, DraftStep, MatchedDraftField, MatchedFieldName, StepFieldName, StepKind } from './types';
export { blankStep, eventStep, kindOfEvent, pageviewStep, setStepKind } from './steps';
export { stepFromElement, type ElementStepContext } from './element-step';
export { CLICKS_ONLY_FILTER, draftFromAction, draftStepFromAction, draftStepToAction, draftToAction, duplicateDraft, emptyDraft, isClicksOnlyFilter } from './convert';
export { forgetStep, touch, touchAll, untouched, visibleProblems, type Touched } from './touched';
export { toDraft } from './revive';
export { newActionDraft, pageUrlPattern, type NewActionStart } from './new-action';
export { canSave, draftKey, draftProblems, draftWarnings, problemsFromSave } from './problems';
export { addFilter, addStep, moveStep, parseTags, removeFilter, removeStep, setTags, tagsText, updateField, updateFilter, updateStep, withSelectorInStep } from './edit';
export { conditionLabel, explainLines, type ExplainLine } from './explain';
export { isElementStep, pageMatches, type ClickEventCache, type PageMatches, type PageMatchesError, type PageMatchesOptions, type StepPageMatches } from './page-matches';
