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

/** Event property filters (PostHog's operators): the ones set, each removable, and a row to add one. */
export function PropertyFilters({ filters, onChange }: { filters: PropertyFilter[]; onChange: (next: PropertyFilter[]) => void }) {
  const [key, setKey] = useState('');
  const [operator, setOperator] = useState<PropertyOperator>('exact');
  const [value, setValue] = useState('');
  const add = () => {
    if (!key.trim()) return;
    onChange([...filters, { key: key.trim(), operator, ...(NO_VALUE.has(operator) ? {} : { value }) }]);
    setKey('');
    setValue('');
  };
  return (
    <fieldset class="property-filters">
      <legend>Property filters</legend>
      {filters.length > 0 && (
        <ul class="chips">
          {filters.map((f, i) => (
            <li key={`${i}:${f.key}`} data-testid="property-chip">
              <span class="mono">{describeFilter(f)}</span>
              <button type="button" aria-label={`Remove filter ${describeFilter(f)}`} onClick={() => onChange(filters.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input aria-label="Property name" data-testid="property-key" placeholder="property, e.g. $browser" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
      <select aria-label="Operator" data-testid="property-operator" value={operator} onChange={(e) => setOperator(e.currentTarget.value as PropertyOperator)}>
        {OPERATORS.map((op) => (
          <option key={op} value={op}>
            {op.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <input aria-label="Property value" data-testid="property-value" placeholder="value" disabled={NO_VALUE.has(operator)} value={value} onInput={(e) => setValue(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
      <button type="button" data-testid="property-add" disabled={!key.trim()} onClick={add}>
        Add filter
      </button>
    </fieldset>
  );
}
