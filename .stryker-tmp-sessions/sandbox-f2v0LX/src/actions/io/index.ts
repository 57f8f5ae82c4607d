/** Import, export, PostHog compatibility report and Playwright snippets for actions. */
// @ts-nocheck

export { exportActions, toPostHogPayload, EXPORT_FORMAT, EXPORT_VERSION } from './export';
export type { ActionExportFile, ExportOptions, PostHogActionPayload, PostHogStep } from './export';
export { parseImport } from './import';
export type { ImportOptions, ImportPlan, ImportStatus, PlannedAction } from './import';
export type { ImportFormat } from './detect';
export { compatibilityReport } from './compat';
export type { CompatIssue } from './compat';
export { playwrightSnippet } from './playwright';
export { LIMITS } from './limits';
export { normalizeDefinition, definitionKey } from './normalize';
