/**
 * The cohort builder's tree edits, as pure functions over PostHog's cohort JSON
 * (`filters.properties`: a group `{ type, values }` of groups or of conditions). A node is named
 * by its path: the indexes into `values` from the root group (`[]` is the root, `[1, 0]` the
 * first value of the root's second value). Every edit returns a new tree; the old one is unchanged.
 */
// @ts-nocheck

import type { PropertyOperator } from '../../actions/types';
import type { BehavioralLeaf, BehavioralValue, CohortCondition, CohortGroup, CountOperator, TimeInterval } from '../../cohorts/types';

export type TreeNode = CohortGroup | CohortCondition;
export type TreePath = readonly number[];

/** Person operators the validator accepts (shared/spec/action-semantics.md), in the order offered. */
export const PERSON_OPERATORS: readonly PropertyOperator[] = [
  'exact', 'is_not', 'icontains', 'not_icontains', 'regex', 'not_regex', 'gt', 'gte', 'lt', 'lte',
  'is_set', 'is_not_set', 'is_date_before', 'is_date_after', 'is_date_exact',
];
/** Operators that take no value. */
export const VALUELESS: readonly PropertyOperator[] = ['is_set', 'is_not_set'];
export const COUNT_OPERATORS: readonly CountOperator[] = ['gte', 'lte', 'gt', 'lt', 'exact'];
export const INTERVALS: readonly TimeInterval[] = ['hour', 'day', 'week', 'month', 'year'];

/** The kinds of condition the builder adds: a person property, a behavioral kind, or a cohort. */
export type ConditionKind = 'person' | BehavioralValue | 'cohort';

export const isGroup = (node: unknown): node is CohortGroup =>
  typeof node === 'object' && node !== null && ((node as CohortGroup).type === 'AND' || (node as CohortGroup).type === 'OR') && Array.isArray((node as CohortGroup).values);

/** A new condition of `kind` with values the validator accepts, except what the user must choose (a key, an event, a cohort). */
export function newCondition(kind: ConditionKind): CohortCondition {
  if (kind === 'person') return { type: 'person', key: '', operator: 'exact', value: '' };
  if (kind === 'cohort') return { type: 'cohort', key: 'id', value: '' };
  const leaf: BehavioralLeaf = { type: 'behavioral', value: kind, key: '$pageview', event_type: 'events', time_value: 30, time_interval: 'day' };
  if (kind === 'performed_event_multiple') Object.assign(leaf, { operator: 'gte', operator_value: 1 });
  if (kind === 'stopped_performing_event' || kind === 'restarted_performing_event') Object.assign(leaf, { seq_time_value: 7, seq_time_interval: 'day' });
  return leaf;
}

/** The kind of a condition (for the builder's kind select). */
export function conditionKind(leaf: CohortCondition): ConditionKind {
  if (leaf.type === 'behavioral') return leaf.value;
  return leaf.type === 'person' ? 'person' : 'cohort';
}

/** A condition turned into `kind`: a fresh one, keeping its negation and, between behavioral kinds, its event or action. */
export function changeKind(leaf: CohortCondition, kind: ConditionKind): CohortCondition {
  const next = newCondition(kind);
  if (next.type === 'behavioral' && leaf.type === 'behavioral') {
    Object.assign(next, { key: leaf.key, event_type: leaf.event_type, time_value: leaf.time_value ?? 30, time_interval: leaf.time_interval ?? 'day' });
    // PostHog ignores event filters on "restarted": dropped there rather than kept unseen.
    if (leaf.event_filters?.length && next.value !== 'restarted_performing_event') next.event_filters = leaf.event_filters;
  }
  if (leaf.negation) next.negation = true;
  return next;
}

/** The node at `path`, or undefined when there is none. */
export function nodeAt(root: TreeNode, path: TreePath): TreeNode | undefined {
  let node: TreeNode | undefined = root;
  for (const i of path) node = node && isGroup(node) ? (node.values as TreeNode[])[i] : undefined;
  return node;
}

/** `root` with the node at `path` replaced by `edit(node)`; throws when `path` names no node. */
export function updateNode(root: TreeNode, path: TreePath, edit: (node: TreeNode) => TreeNode): TreeNode {
  if (!path.length) return edit(root);
  if (!isGroup(root) || path[0] >= root.values.length || path[0] < 0) throw new Error(`no node at [${path.join(', ')}]`);
  const values = [...(root.values as TreeNode[])];
  values[path[0]] = updateNode(values[path[0]], path.slice(1), edit);
  return { ...root, values } as CohortGroup;
}

/** `root` with `node` appended to the group at `groupPath`; throws when that is not a group. */
export function addNode(root: TreeNode, groupPath: TreePath, node: TreeNode): TreeNode {
  return updateNode(root, groupPath, (group) => {
    if (!isGroup(group)) throw new Error(`[${groupPath.join(', ')}] is a condition, not a group`);
    return { ...group, values: [...(group.values as TreeNode[]), node] } as CohortGroup;
  });
}

/** `root` without the node at `path` (a group left empty stays, for the validator to name); the root cannot be removed. */
export function removeNode(root: TreeNode, path: TreePath): TreeNode {
  if (!path.length) throw new Error('the root group cannot be removed');
  const at = path[path.length - 1];
  return updateNode(root, path.slice(0, -1), (group) => {
    if (!isGroup(group) || at >= group.values.length) throw new Error(`no node at [${path.join(', ')}]`);
    return { ...group, values: (group.values as TreeNode[]).filter((_, i) => i !== at) } as CohortGroup;
  });
}

/** `root` with fields of the condition at `path` set (a field set to undefined is removed). */
export function patchCondition(root: TreeNode, path: TreePath, patch: Record<string, unknown>): TreeNode {
  return updateNode(root, path, (node) => {
    if (isGroup(node)) throw new Error(`[${path.join(', ')}] is a group, not a condition`);
    const next: Record<string, unknown> = { ...node, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    return next as unknown as CohortCondition;
  });
}

/** The builder's name of a node: "Group 1", "Group 1, group 2", "Group 1, condition 2" (1-based, the root is "Group 1"). */
export function nodeLabel(root: TreeNode, path: TreePath): string {
  const parts = ['Group 1'];
  path.forEach((index, depth) => {
    parts.push(`${isGroup(nodeAt(root, path.slice(0, depth + 1))) ? 'group' : 'condition'} ${index + 1}`);
  });
  return parts.join(', ');
}

/**
 * Where a validator error belongs in the tree: its path `filters.properties.values[1].values[0].operator`
 * gives the node `[1, 0]` and the field `operator`. Null for errors outside `filters.properties`
 * (the name, a referenced cohort `cohorts["b"]…`): those are shown above the builder.
 */
export function locateError(errorPath: string): { path: number[]; field: string } | null {
  const rest = /^filters\.properties(.*)$/.exec(errorPath)?.[1];
  if (rest === undefined) return null;
  const path: number[] = [];
  let tail = rest;
  for (let m = /^\.values\[(\d+)\]/.exec(tail); m; m = /^\.values\[(\d+)\]/.exec(tail)) {
    path.push(Number(m[1]));
    tail = tail.slice(m[0].length);
  }
  return { path, field: tail.replace(/^\./, '') };
}

/** The builder's root group for a definition's `filters.properties` (a flat list is PostHog's AND), or null when there is none to build on. */
export function rootGroup(properties: unknown): CohortGroup | null {
  if (Array.isArray(properties)) return { type: 'AND', values: properties as CohortCondition[] };
  return isGroup(properties) ? properties : null;
}
