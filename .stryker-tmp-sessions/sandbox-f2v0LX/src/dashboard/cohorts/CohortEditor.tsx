// @ts-nocheck
import { useMemo, useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { staticCohortFromCsv, validateCohort, type CohortDefinition } from '../../cohorts';
import type { CohortGroup, DynamicCohort } from '../../cohorts/types';
import { sendMessage } from '../../messaging/protocol';
import type { CohortRow } from '../../store/cohorts';
import { navigate } from '../route';
import { errorText } from '../use-request';
import { Builder } from './Builder';
import { CohortMembers } from './CohortMembers';
import { csvLineProblems } from './csv-lines';
import { DefinitionJson } from './DefinitionJson';
import { downloadText, fileName } from './download';
import { placeErrors } from './errors';
import { StaticIds } from './StaticIds';
import { newCondition, rootGroup } from './tree';

const NEW_DEFINITION: CohortDefinition = { filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [newCondition('performed_event')] }] } } };

/** The ids of a static cohort as the editor's text: one a line. */
const idsText = (def: CohortDefinition): string => (def.is_static ? def.distinct_ids.join('\n') : '');

interface EditorProps {
  row: CohortRow | null;
  cohorts: CohortRow[];
  actions: StoredAction[];
  events: string[];
  /** A new cohort's distinct ids (the persons picked in the list): it starts static with them. */
  staticIds?: string[];
  onSaved: () => void;
}

/**
 * One cohort: its name, dynamic (the builder, or the JSON for definitions the builder cannot draw)
 * or static (a CSV of distinct ids), the JSON that is saved, the validator's errors next to the
 * parts they name, save (`cohorts.save`), export (`cohorts.export`) and the members.
 */
export function CohortEditor({ row, cohorts, actions, events, staticIds = [], onSaved }: EditorProps) {
  const [name, setName] = useState(row?.name ?? '');
  const [kind, setKind] = useState<'dynamic' | 'static'>(row?.definition.is_static || (!row && staticIds.length) ? 'static' : 'dynamic');
  const [definition, setDefinition] = useState<CohortDefinition>(row && !row.definition.is_static ? row.definition : NEW_DEFINITION);
  const [ids, setIds] = useState(row ? idsText(row.definition) : staticIds.join('\n'));
  const [status, setStatus] = useState<{ saving?: boolean; error?: string; saved?: string }>({});

  const others = cohorts.filter((c) => c.id !== row?.id);
  const root = definition.is_static ? null : rootGroup(definition.filters?.properties);
  const lineProblems = useMemo(() => (kind === 'static' ? csvLineProblems(ids) : []), [kind, ids]);
  // What would be saved, or why nothing can be (the static list's own refusal, e.g. an empty file).
  const built = useMemo((): { definition: CohortDefinition } | { refusal: string } => {
    if (kind === 'dynamic') return { definition };
    try {
      return { definition: staticCohortFromCsv(ids).cohort };
    } catch (e) {
      return { refusal: errorText(e) };
    }
  }, [kind, definition, ids]);
  const errors = useMemo(() => {
    if (!('definition' in built)) return [];
    const context = Object.fromEntries(others.map((c) => [c.id, c.definition]));
    if (row) context[row.id] = built.definition; // a reference back to this cohort is a cycle
    return validateCohort(built.definition, { cohorts: context, actions: Object.fromEntries(actions.map((a) => [a.id, a])) });
  }, [built, cohorts, actions]);
  const placed = placeErrors(errors, root);
  const blockers = errors.length + lineProblems.length + ('refusal' in built ? 1 : 0) + (name.trim() ? 0 : 1);

  // Applied JSON that lists distinct ids is a static cohort: show it as one.
  const apply = (next: CohortDefinition) => {
    if (next.is_static === true && Array.isArray(next.distinct_ids)) {
      setKind('static');
      setIds(idsText(next));
    } else setDefinition(next);
  };
  const save = async () => {
    if (!('definition' in built)) return;
    setStatus({ saving: true });
    try {
      const saved = await sendMessage('cohorts.save', { cohort: { ...(row ? { id: row.id } : {}), name, definition: built.definition } });
      setStatus({ saved: `Saved “${saved.name}”.` });
      onSaved();
      if (!row) navigate({ view: 'cohorts', id: saved.id, query: new URLSearchParams() });
    } catch (e) {
      setStatus({ error: errorText(e) });
    }
  };
  const exportThis = async () => {
    if (!row) return;
    try {
      const { text } = await sendMessage('cohorts.export', { ids: [row.id] });
      downloadText(fileName(row.name, 'json'), text);
    } catch (e) {
      setStatus({ error: errorText(e) });
    }
  };

  return (
    <div class="cohort-editor">
      <p>
        <a href="#/cohorts">All cohorts</a>
      </p>
      <div class="editor-head">
        <label>
          Name <input data-testid="cohort-name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={name.trim() ? undefined : 'true'} />
        </label>
        <fieldset class="inline kind">
          <legend>Kind</legend>
          {(['dynamic', 'static'] as const).map((k) => (
            <label key={k} class="inline">
              <input type="radio" name="cohort-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k === 'dynamic' ? 'Dynamic (conditions)' : 'Static (list of distinct ids)'}
            </label>
          ))}
        </fieldset>
      </div>
      {placed.general.length > 0 && (
        <ul class="error" data-testid="cohort-errors">
          {placed.general.map((m) => <li key={m}>{m}</li>)}
        </ul>
      )}
      {kind === 'static' ? (
        <StaticIds text={ids} onText={setIds} problems={lineProblems} refusal={'refusal' in built ? built.refusal : null} />
      ) : root ? (
        <Builder
          root={root}
          onChange={(next: CohortGroup) => setDefinition({ ...(definition as DynamicCohort), filters: { properties: next } })}
          errors={placed.byNode}
          options={{ events, actions: actions.map((a) => ({ id: a.id, name: a.name, site: a.site })), cohorts: others.map((c) => ({ id: c.id, name: c.name })) }}
        />
      ) : (
        <p class="muted">This definition uses PostHog’s older <code>groups</code> format, which the builder does not draw: edit its JSON below.</p>
      )}
      <DefinitionJson definition={'definition' in built ? built.definition : null} editable={kind === 'dynamic'} onApply={apply} />
      <div class="editor-actions">
        <button type="button" data-testid="cohort-save" disabled={blockers > 0 || status.saving} onClick={save}>
          {row ? 'Save' : 'Create cohort'}
        </button>
        {row && <button type="button" onClick={exportThis}>Export as PostHog JSON</button>}
        <span role="status" data-testid="cohort-save-status" class={status.error ? 'error' : 'muted'}>
          {status.error ? `Not saved: ${status.error}` : status.saving ? 'Saving…' : status.saved ?? (blockers > 0 ? `${blockers} problem${blockers === 1 ? '' : 's'} to fix before saving` : '')}
        </span>
      </div>
      {/* Keyed by the saved version: a save recomputes the members. */}
      {row && <CohortMembers key={row.updated_at} id={row.id} name={row.name} />}
    </div>
  );
}
