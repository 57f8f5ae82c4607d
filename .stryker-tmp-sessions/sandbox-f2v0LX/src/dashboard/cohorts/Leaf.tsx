// @ts-nocheck
import type { PropertyOperator } from '../../actions/types';
import type { BehavioralLeaf, CohortCondition, PersonLeaf } from '../../cohorts/types';
import { COUNT_OPERATORS, INTERVALS, PERSON_OPERATORS, VALUELESS, changeKind, conditionKind, type ConditionKind } from './tree';
import type { BuilderOptions, NodeErrors } from './Builder';
import { PropertyFilters } from '../events/PropertyFilters';

const KIND_LABELS: Record<ConditionKind, string> = {
  person: 'Person property',
  performed_event: 'Performed event',
  performed_event_multiple: 'Performed event (count)',
  performed_event_first_time: 'Performed event for the first time',
  stopped_performing_event: 'Stopped performing event',
  restarted_performing_event: 'Restarted performing event',
  cohort: 'In cohort',
};
const NUMERIC: readonly PropertyOperator[] = ['gt', 'gte', 'lt', 'lte'];

/** A typed value of a person leaf: numbers for the numeric operators, text otherwise. */
const typedValue = (text: string, operator: PropertyOperator | undefined): unknown =>
  operator && NUMERIC.includes(operator) && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
const shown = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

interface LeafProps {
  leaf: CohortCondition;
  label: string;
  errors: NodeErrors;
  options: BuilderOptions;
  /** Set fields (undefined removes one). */
  onPatch: (patch: Record<string, unknown>) => void;
  onReplace: (leaf: CohortCondition) => void;
  onRemove: () => void;
}

/**
 * One condition of the builder: its kind, its fields, "not", and the validator's errors for it.
 * Every control is named with the condition's position ("Group 1, condition 2: operator").
 */
export function Leaf({ leaf, label, errors, options, onPatch, onReplace, onRemove }: LeafProps) {
  const errorsId = `errors-${label.replace(/\W+/g, '-')}`;
  const control = (field: string, name: string) => ({
    'aria-label': `${label}: ${name}`,
    'aria-invalid': errors.some((e) => e.field === field || e.field.startsWith(`${field}.`)) ? ('true' as const) : undefined,
    'aria-describedby': errors.length ? errorsId : undefined,
  });
  return (
    <fieldset class="cohort-leaf" data-testid="cohort-leaf">
      <legend>{label}</legend>
      <div class="leaf-fields">
        <select {...control('type', 'kind')} value={conditionKind(leaf)} onChange={(e) => onReplace(changeKind(leaf, e.currentTarget.value as ConditionKind))}>
          {(Object.keys(KIND_LABELS) as ConditionKind[]).map((k) => (
            <option key={k} value={k}>{KIND_LABELS[k]}</option>
          ))}
        </select>
        <label class="inline">
          <input type="checkbox" {...control('negation', 'not')} checked={leaf.negation === true} onChange={(e) => onPatch({ negation: e.currentTarget.checked || undefined })} /> not
        </label>
        {leaf.type === 'person' && <PersonFields leaf={leaf} control={control} onPatch={onPatch} />}
        {leaf.type === 'behavioral' && <BehavioralFields leaf={leaf} control={control} options={options} onPatch={onPatch} />}
        {(leaf.type === 'cohort' || leaf.type === 'precalculated-cohort') && (
          <select {...control('value', 'cohort')} value={shown(Array.isArray(leaf.value) ? leaf.value[0] : leaf.value)} onChange={(e) => onPatch({ value: e.currentTarget.value })}>
            <option value="">Choose a cohort…</option>
            {options.cohorts.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        )}
        <button type="button" aria-label={`${label}: remove`} onClick={onRemove}>Remove</button>
      </div>
      {/* PostHog ignores event filters on "restarted" (the validator refuses them there): not offered. */}
      {leaf.type === 'behavioral' && leaf.value !== 'restarted_performing_event' && (
        <PropertyFilters
          legend="Only events where"
          labelPrefix={`${label}: event filter `}
          filterType="event"
          filters={leaf.event_filters ?? []}
          onChange={(next) => onPatch({ event_filters: next.length ? next : undefined })}
        />
      )}
      {errors.length > 0 && (
        <ul class="node-errors error" id={errorsId} data-testid="leaf-errors">
          {errors.map((e) => <li key={e.message}>{e.message}</li>)}
        </ul>
      )}
    </fieldset>
  );
}

type Control = (field: string, name: string) => Record<string, unknown>;

function PersonFields({ leaf, control, onPatch }: { leaf: PersonLeaf; control: Control; onPatch: LeafProps['onPatch'] }) {
  const operator = leaf.operator ?? 'exact';
  return (
    <>
      <input {...control('key', 'property')} placeholder="property, e.g. email" value={leaf.key} onInput={(e) => onPatch({ key: e.currentTarget.value })} />
      <select {...control('operator', 'operator')} value={operator} onChange={(e) => {
        const next = e.currentTarget.value as PropertyOperator;
        onPatch({ operator: next, value: VALUELESS.includes(next) ? undefined : typedValue(shown(leaf.value), next) });
      }}>
        {PERSON_OPERATORS.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
      {!VALUELESS.includes(operator) && (
        <input {...control('value', 'value')} placeholder="value" value={shown(leaf.value)} onInput={(e) => onPatch({ value: typedValue(e.currentTarget.value, operator) })} />
      )}
    </>
  );
}

function Window({ leaf, control, onPatch, seq }: { leaf: BehavioralLeaf; control: Control; onPatch: LeafProps['onPatch']; seq: boolean }) {
  const [v, i, name] = seq ? (['seq_time_value', 'seq_time_interval', 'recent window'] as const) : (['time_value', 'time_interval', 'window'] as const);
  return (
    <span class="inline">
      {seq ? 'recent window: the last' : 'in the last'}
      <input type="number" min={1} class="narrow" {...control(v, `${name} length`)} value={shown(leaf[v])} onInput={(e) => onPatch({ [v]: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })} />
      <select {...control(i, `${name} unit`)} value={leaf[i] ?? 'day'} onChange={(e) => onPatch({ [i]: e.currentTarget.value })}>
        {INTERVALS.map((u) => <option key={u} value={u}>{u}s</option>)}
      </select>
    </span>
  );
}

function BehavioralFields({ leaf, control, options, onPatch }: { leaf: BehavioralLeaf; control: Control; options: BuilderOptions; onPatch: LeafProps['onPatch'] }) {
  const listId = 'cohort-event-names';
  const twoWindows = leaf.value === 'stopped_performing_event' || leaf.value === 'restarted_performing_event';
  return (
    <>
      <select {...control('event_type', 'event or action')} value={leaf.event_type} onChange={(e) => onPatch({ event_type: e.currentTarget.value, key: e.currentTarget.value === 'actions' ? (options.actions[0]?.id ?? '') : '$pageview' })}>
        <option value="events">event</option>
        <option value="actions">action</option>
      </select>
      {leaf.event_type === 'actions' ? (
        <select {...control('key', 'action')} value={String(leaf.key)} onChange={(e) => onPatch({ key: e.currentTarget.value })}>
          {options.actions.length === 0 && <option value="">No actions defined</option>}
          {options.actions.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.site})</option>)}
        </select>
      ) : (
        <input {...control('key', 'event')} list={listId} value={String(leaf.key)} onInput={(e) => onPatch({ key: e.currentTarget.value })} />
      )}
      {leaf.value === 'performed_event_multiple' && (
        <>
          <select {...control('operator', 'count operator')} value={leaf.operator ?? 'exact'} onChange={(e) => onPatch({ operator: e.currentTarget.value })}>
            {COUNT_OPERATORS.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
          <input type="number" min={1} class="narrow" {...control('operator_value', 'count')} value={shown(leaf.operator_value)} onInput={(e) => onPatch({ operator_value: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })} />
          times
        </>
      )}
      {leaf.explicit_datetime != null ? (
        <input {...control('explicit_datetime', 'since (PostHog date, e.g. -30d)')} value={leaf.explicit_datetime} onInput={(e) => onPatch({ explicit_datetime: e.currentTarget.value })} />
      ) : (
        <Window leaf={leaf} control={control} onPatch={onPatch} seq={false} />
      )}
      {twoWindows && <Window leaf={leaf} control={control} onPatch={onPatch} seq />}
    </>
  );
}
