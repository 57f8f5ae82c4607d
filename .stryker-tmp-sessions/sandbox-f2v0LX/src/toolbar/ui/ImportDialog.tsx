// @ts-nocheck
import { useState } from 'preact/hooks';
import type { ImportPlan, ImportStatus } from '../../actions/io';
import { api, describeError } from '../services/api';
import { useGuarded } from './guarded';

interface Props {
  site: string;
  /** The page's document: only used to create the (never attached) file input. */
  doc: Document;
  /** Called after actions were written (the list reloads). */
  onImported(): void;
  onClose(): void;
}

const STATUS_LABEL: Record<ImportStatus, string> = { created: 'created', updated: 'updated', skipped: 'skipped', rejected: 'rejected' };

/** "2 created · 1 updated · 0 skipped · 1 rejected". */
export function planSummary(counts: ImportPlan['counts']): string {
  return (Object.keys(STATUS_LABEL) as ImportStatus[]).map((s) => `${counts[s]} ${STATUS_LABEL[s]}`).join(' · ');
}

type Step =
  | { at: 'choose' }
  | { at: 'reading'; file: string }
  | { at: 'planned'; file: string; text: string; plan: ImportPlan }
  | { at: 'writing'; file: string; text: string; plan: ImportPlan }
  | { at: 'done'; file: string; plan: ImportPlan };

/**
 * Import an actions file (a Lasso export or PostHog JSON) into this site. The file is first only
 * planned — per action created / updated / skipped / rejected with the reason — and written when
 * the user confirms; a malformed file or any rejected action writes nothing.
 */
export function ImportDialog({ site, doc, onImported, onClose }: Props) {
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [error, setError] = useState('');
  const guarded = useGuarded();
  /**
   * The file input is never attached to the page: in the toolbar's (open) shadow root a page
   * script could read the chosen file or swap it on `change`. Detached, only this script holds it.
   */
  const pickFile = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => void choose(input), { once: true });
    input.click();
  };
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError('');
    setStep({ at: 'reading', file: file.name });
    try {
      const text = await file.text();
      setStep({ at: 'planned', file: file.name, text, plan: await api.import(site, text, true) });
    } catch (e) {
      setError(describeError(e).message);
      setStep({ at: 'choose' });
    }
  };
  const confirm = async () => {
    if (step.at !== 'planned') return;
    setStep({ ...step, at: 'writing' });
    try {
      const plan = await api.import(site, step.text, false);
      // The store may have changed since the plan (another tab saved): show what was really done.
      if (plan.ok) onImported();
      setStep(plan.ok ? { at: 'done', file: step.file, plan } : { ...step, at: 'planned', plan });
    } catch (e) {
      setError(describeError(e).message);
      setStep({ ...step, at: 'planned' });
    }
  };
  const plan = 'plan' in step ? step.plan : null;
  const writes = plan ? plan.counts.created + plan.counts.updated : 0;
  return (
    <div class="lasso-dialog" role="group" aria-label="Import actions" data-testid="import-dialog">
      <p class="lasso-block">
        Import actions into {site} <span class="lasso-muted">(a Lasso export or PostHog JSON)</span>
      </p>
      <button type="button" data-testid="import-file" onClick={pickFile}>Choose a file…</button>
      {error && <p class="lasso-error" role="alert">{error}</p>}
      {step.at === 'reading' && <p class="lasso-muted">Checking {step.file}…</p>}
      {plan?.error && (
        <p class="lasso-error" role="alert" data-testid="import-error">
          {'file' in step ? step.file : 'The file'} cannot be imported: {plan.error}. Nothing was written.
        </p>
      )}
      {plan && !plan.error && (
        <div data-testid="import-report">
          <p>
            {step.at === 'done' ? `Imported ${step.file}` : `Importing ${'file' in step ? step.file : 'the file'} would give`}: {planSummary(plan.counts)}.
          </p>
          <ul class="lasso-report">
            {plan.actions.map((a) => (
              <li key={a.index} data-status={a.status}>
                <span class={`lasso-badge lasso-status--${a.status}`}>{STATUS_LABEL[a.status]}</span> <b>{a.name || `action ${a.index + 1} (no name)`}</b>
                {a.reason && <span class="lasso-muted"> — {a.reason}</span>}
              </li>
            ))}
          </ul>
          {plan.warnings.map((w) => <p key={w} class="lasso-warn">{w}</p>)}
          {!plan.ok && <p class="lasso-error" role="alert">Nothing will be imported while an action is rejected: fix the file and choose it again.</p>}
        </div>
      )}
      <div class="lasso-actions-row">
        {plan?.ok && step.at !== 'done' && (
          <button type="button" class="lasso-primary" data-testid="import-confirm" disabled={writes === 0 || step.at === 'writing'} onClick={(e) => guarded(e, () => void confirm())}>
            {writes === 0 ? 'Nothing to import' : `Import ${writes} action${writes === 1 ? '' : 's'}`}
          </button>
        )}
        <button type="button" onClick={onClose}>{step.at === 'done' ? 'Done' : 'Cancel'}</button>
      </div>
    </div>
  );
}
