// @ts-nocheck
import { useState } from 'preact/hooks';
import { OPERATORS } from '../../actions';
import type { PropertyFilter, PropertyOperator } from '../../actions/types';

/** Operators that take no value. */
const NO_VALUE = new Set<PropertyOperator>(['is_set', 'is_not_set']);

/** A property filter in words: `plan = pro`, `$browser is set` (pure). */
export function describeFilter(f: PropertyFilter): string {
  const op = f.operator ?? 'exact';
  const value = f.value === undefined ? '' : ` ${typeof f.value === 'string' ? f.value : JSON.stringify(f.value)}`;
  return `${f.type && f.type !== 'event' ? `${f.type} ` : ''}${f.key} ${op.replace(/_/g, ' ')}${NO_VALUE.has(op) ? '' : value}`;
}

interface PropertyFiltersProps {
  filters: PropertyFilter[];
  onChange: (next: PropertyFilter[]) => void;
  /** The fieldset's legend; controls are named after it when more than one set is on a page. */
  legend?: string;
  /** Prefixed to every control's name (e.g. the cohort condition's position). */
  labelPrefix?: string;
  /** Written on every added filter (a cohort's `event_filters` carry `type: 'event'`, as PostHog writes them). */
  filterType?: 'event';
}

/** Event property filters (PostHog's operators): the ones set, each removable, and a row to add one. */
export function PropertyFilters({ filters, onChange, legend = 'Property filters', labelPrefix = '', filterType }: PropertyFiltersProps) {
  const [key, setKey] = useState('');
  const [operator, setOperator] = useState<PropertyOperator>('exact');
  const [value, setValue] = useState('');
  const add = () => {
    if (!key.trim()) return;
    onChange([...filters, { key: key.trim(), operator, ...(NO_VALUE.has(operator) ? {} : { value }), ...(filterType ? { type: filterType } : {}) }]);
    setKey('');
    setValue('');
  };
  return (
    <fieldset class="property-filters">
      <legend>{legend}</legend>
      {filters.length > 0 && (
        <ul class="chips">
          {filters.map((f, i) => (
            <li key={`${i}:${f.key}`} data-testid="property-chip">
              <span class="mono">{describeFilter(f)}</span>
              <button type="button" aria-label={`${labelPrefix}Remove filter ${describeFilter(f)}`} onClick={() => onChange(filters.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input aria-label={`${labelPrefix}Property name`} data-testid="property-key" placeholder="property, e.g. $browser" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
      <select aria-label={`${labelPrefix}Operator`} data-testid="property-operator" value={operator} onChange={(e) => setOperator(e.currentTarget.value as PropertyOperator)}>
        {OPERATORS.map((op) => (
          <option key={op} value={op}>
            {op.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <input aria-label={`${labelPrefix}Property value`} data-testid="property-value" placeholder="value" disabled={NO_VALUE.has(operator)} value={value} onInput={(e) => setValue(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
      <button type="button" data-testid="property-add" aria-label={labelPrefix ? `${labelPrefix}Add filter` : undefined} disabled={!key.trim()} onClick={add}>
        Add filter
      </button>
    </fieldset>
  );
}
