// @ts-nocheck
import type { CohortValidationError } from '../../cohorts/errors';
import type { NodeErrors } from './Builder';
import { locateError, nodeAt, type TreeNode } from './tree';

/**
 * The validator's errors placed for the builder: by node path (`'1.0'`, `''` for the root group)
 * those inside `filters.properties` that name a node of `root`; the rest (a referenced cohort,
 * a field outside the tree) in `general`, shown above the builder.
 */
export function placeErrors(errors: CohortValidationError[], root: TreeNode | null): { byNode: Map<string, NodeErrors>; general: string[] } {
  const byNode = new Map<string, NodeErrors>();
  const general: string[] = [];
  for (const error of errors) {
    const at = root ? locateError(error.path) : null;
    if (!at || !root || nodeAt(root, at.path) === undefined) {
      general.push(error.message);
      continue;
    }
    const key = at.path.join('.');
    byNode.set(key, [...(byNode.get(key) ?? []), { field: at.field, message: error.message }]);
  }
  return { byNode, general };
}
