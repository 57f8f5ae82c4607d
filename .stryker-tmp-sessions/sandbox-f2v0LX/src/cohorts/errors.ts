/**
 * The one error type of cohort validation. `path` names the offending part
 * (`filters.properties.values[1].values[0].operator`, `cohorts["b"]…`) so an editor can put the
 * message next to it; the message is `path: problem`.
 */
// @ts-nocheck

export class CohortValidationError extends Error {
  path: string;

  constructor(path: string, problem: string) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'CohortValidationError';
    this.path = path;
  }
}
