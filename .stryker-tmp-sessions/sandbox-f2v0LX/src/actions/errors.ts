/**
 * The one error type of action validation. `path` names the field (`steps[1].selector`,
 * `name`, `steps[0].properties[2].value`) so editors can put the message next to it.
 */
// @ts-nocheck

export class ActionValidationError extends Error {
  /** Field path, e.g. "steps[0].selector"; '' when the error is about a bare selector string. */
  path: string;

  /** `problem` is the plain-words part; the message is prefixed with the path when there is one. */
  constructor(path: string, problem: string) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'ActionValidationError';
    this.path = path;
  }

  /** The same problem reported at a deeper or outer path (e.g. a selector error inside a step). */
  at(path: string): ActionValidationError {
    const problem = this.path ? this.message.slice(this.path.length + 2) : this.message;
    return new ActionValidationError(path, problem);
  }
}
