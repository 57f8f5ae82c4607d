// @ts-nocheck
import { useMemo, useState } from 'preact/hooks';
import { navigate, routeHref, type Route } from '../route';
import type { Column } from '../ui/Table';
import { Table } from '../ui/Table';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { usePages } from '../use-pages';
import { ListFooter } from '../ui/ListFooter';
import { PersonsExport } from '../export/PersonsExport';
import type { PersonListRow } from '../../store/queries/persons';
import { formatTime, keyProperties } from './format';
import { PERSONS_KEYS, personsRequest, uniquePersons, withPersonsFilter } from './persons-query';
import { SelectionBar } from './SelectionBar';
import { toggled, withAll, type PersonSelection } from './selection';

const COLUMNS: Column<PersonListRow>[] = [
  { key: 'ids', label: 'Distinct ids', width: 'minmax(12rem, 2fr)', render: (p) => <span class="mono" title={p.distinct_ids.join('\n')}>{p.distinct_ids[0]}{p.distinct_ids.length > 1 && <span class="muted"> +{p.distinct_ids.length - 1}</span>}</span> },
  { key: 'props', label: 'Key properties', width: 'minmax(12rem, 2fr)', render: (p) => keyProperties(p.properties).map(([, v]) => v).join(' · ') || <span class="muted">none</span> },
  { key: 'first', label: 'First seen', width: '11rem', render: (p) => formatTime(p.firstSeen) },
  { key: 'last', label: 'Last seen', width: '11rem', render: (p) => formatTime(p.lastSeen) },
  { key: 'events', label: 'Events', width: '5rem', render: (p) => p.eventCount.toLocaleString('en') },
];

/** The list's columns behind a tick box per person (its own control: ticking never opens the row). */
function columnsWithSelect(selection: PersonSelection, onToggle: (row: PersonListRow, on: boolean) => void): Column<PersonListRow>[] {
  const select: Column<PersonListRow> = {
    key: 'select',
    label: 'Select',
    width: '4rem',
    render: (p) => <input type="checkbox" data-testid="person-select" aria-label={`Select ${p.distinct_ids[0]}`} checked={selection.has(p.distinct_ids[0] ?? '')} onChange={(e) => onToggle(p, e.currentTarget.checked)} />,
  };
  return [select, ...COLUMNS];
}

/**
 * `#/persons`: persons newest first, searchable by distinct id prefix (`q`) or a person property
 * (`prop`, `value`), the search kept in the route. Pages of 50 by keyset; a row opens the profile;
 * ticked persons become a static cohort.
 */
export function PersonsList({ route }: { route: Route }) {
  const request = personsRequest(route.query);
  const pages = usePages('query.persons', request);
  const set = (key: string, value: string) => navigate({ view: 'persons', query: withPersonsFilter(route.query, key, value) }, { replace: true });
  // An id search lists a person once per matching id; pages may repeat one.
  const rows = uniquePersons(pages.rows);
  const searching = request.idPrefix !== undefined || request.property !== undefined;
  const [selection, setSelection] = useState<PersonSelection>(new Map());
  const columns = useMemo(() => columnsWithSelect(selection, (row, on) => setSelection((s) => toggled(s, row, on))), [selection]);
  return (
    <section aria-labelledby="view-title" class="people-list">
      <h2 id="view-title">Persons</h2>
      <form class="filters" role="search" aria-label="Search persons" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>Distinct id starts with</span>
          <input type="search" data-testid="persons-search" value={route.query.get(PERSONS_KEYS.idPrefix) ?? ''} onInput={(e) => set(PERSONS_KEYS.idPrefix, e.currentTarget.value)} />
        </label>
        <span class="muted">or</span>
        <label>
          <span>Property</span>
          <input type="text" data-testid="persons-prop" placeholder="email" value={route.query.get(PERSONS_KEYS.property) ?? ''} onInput={(e) => set(PERSONS_KEYS.property, e.currentTarget.value)} />
        </label>
        <label>
          <span>equals</span>
          <input type="text" data-testid="persons-value" placeholder="(any value)" value={route.query.get(PERSONS_KEYS.value) ?? ''} onInput={(e) => set(PERSONS_KEYS.value, e.currentTarget.value)} />
        </label>
      </form>
      <PersonsExport request={request} rows={rows} />
      {rows.length > 0 && <SelectionBar selection={selection} shown={rows.length} onSelectShown={() => setSelection((s) => withAll(s, rows))} onClear={() => setSelection(new Map())} />}
      {route.query.has('site') && <p class="muted">Persons belong to no one site: this list covers every site.</p>}
      {pages.error && <ErrorMessage doing="list persons" error={pages.error} onRetry={pages.reload} />}
      {!pages.error && !pages.loading && rows.length === 0 ? (
        searching ? (
          <EmptyState title="No person matches this search.">
            <p>Check the spelling, search by the start of a distinct id, or <a href={routeHref('persons', undefined, { site: route.query.get('site') ?? undefined })}>list every person</a>.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No persons stored yet.">
            <p>Persons appear when a site with capture switched on is visited: switch capture on for a site in Lasso’s popup, then browse it.</p>
          </EmptyState>
        )
      ) : (
        <Table label="Persons" columns={columns} rows={rows} rowKey={(p) => p.distinct_ids[0]} onOpen={(p) => navigate(routeHref('persons', p.distinct_ids[0], { site: route.query.get('site') ?? undefined }))} />
      )}
      <ListFooter count={rows.length} what="persons" {...pages} />
    </section>
  );
}
