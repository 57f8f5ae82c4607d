// @ts-nocheck
import type { CohortCondition, CohortGroup } from '../../cohorts/types';
import { Leaf } from './Leaf';
import { addNode, isGroup, newCondition, nodeAt, nodeLabel, patchCondition, removeNode, updateNode, type TreeNode, type TreePath } from './tree';

/** The validator's errors of one node: the field within it (`operator`, `values`, '' for the node) and the message. */
export type NodeErrors = { field: string; message: string }[];

/** What the builder offers to choose from: event names, actions (actions.listAll) and other cohorts. */
export interface BuilderOptions {
  events: string[];
  actions: { id: string; name: string; site: string }[];
  cohorts: { id: string; name: string }[];
}

interface BuilderProps {
  root: CohortGroup;
  onChange: (root: CohortGroup) => void;
  /** Errors by node path (`path.join('.')`, '' for the root group). */
  errors: Map<string, NodeErrors>;
  options: BuilderOptions;
}

/**
 * The visual builder of a dynamic cohort: nested AND/OR groups of conditions, editing PostHog's
 * `filters.properties` through the pure edits of tree.ts. A group holds only groups or only
 * conditions (as in PostHog), so a group offers "Add condition" or "Add group" accordingly.
 */
export function Builder({ root, onChange, errors, options }: BuilderProps) {
  const edit = (next: TreeNode) => onChange(next as CohortGroup);
  return (
    <div class="cohort-builder" data-testid="cohort-builder">
      <datalist id="cohort-event-names">
        {options.events.map((e) => <option key={e} value={e} />)}
      </datalist>
      <Group root={root} path={[]} errors={errors} options={options} edit={edit} />
    </div>
  );
}

function Group({ root, path, errors, options, edit }: { root: CohortGroup; path: TreePath; errors: Map<string, NodeErrors>; options: BuilderOptions; edit: (next: TreeNode) => void }) {
  const group = nodeAt(root, path) as CohortGroup;
  const label = nodeLabel(root, path);
  const values = group.values as TreeNode[];
  const holdsGroups = values.length > 0 && isGroup(values[0]);
  const holdsConditions = values.length > 0 && !holdsGroups;
  const own = errors.get(path.join('.')) ?? [];
  const errorsId = `errors-${label.replace(/\W+/g, '-')}`;
  return (
    <fieldset class="cohort-group" data-testid="cohort-group" aria-describedby={own.length ? errorsId : undefined}>
      <legend>{label}</legend>
      <label class="inline">
        People who match
        <select aria-label={`${label}: match`} value={group.type} onChange={(e) => edit(updateNode(root, path, (g) => ({ ...(g as CohortGroup), type: e.currentTarget.value as 'AND' | 'OR' })))}>
          <option value="AND">all of (AND)</option>
          <option value="OR">any of (OR)</option>
        </select>
      </label>
      {own.length > 0 && (
        <ul class="node-errors error" id={errorsId} data-testid="group-errors">
          {own.map((e) => <li key={e.message}>{e.message}</li>)}
        </ul>
      )}
      {values.map((child, i) => {
        const at = [...path, i];
        return isGroup(child) ? (
          <Group key={i} root={root} path={at} errors={errors} options={options} edit={edit} />
        ) : (
          <Leaf
            key={i}
            leaf={child}
            label={nodeLabel(root, at)}
            errors={errors.get(at.join('.')) ?? []}
            options={options}
            onPatch={(patch) => edit(patchCondition(root, at, patch))}
            onReplace={(leaf: CohortCondition) => edit(updateNode(root, at, () => leaf))}
            onRemove={() => edit(removeNode(root, at))}
          />
        );
      })}
      <div class="group-actions">
        {!holdsGroups && <button type="button" aria-label={`${label}: add condition`} onClick={() => edit(addNode(root, path, newCondition('person')))}>Add condition</button>}
        {!holdsConditions && <button type="button" aria-label={`${label}: add group`} onClick={() => edit(addNode(root, path, { type: 'AND', values: [newCondition('performed_event')] }))}>Add group</button>}
        {path.length > 0 && <button type="button" aria-label={`${label}: remove group`} onClick={() => edit(removeNode(root, path))}>Remove group</button>}
      </div>
    </fieldset>
  );
}
