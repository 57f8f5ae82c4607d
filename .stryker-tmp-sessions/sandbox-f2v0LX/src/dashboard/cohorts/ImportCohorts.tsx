// @ts-nocheck
import { useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/protocol';
import { errorText } from '../use-request';

/**
 * Import PostHog cohort JSON (a file or pasted: one cohort, a list, or an API page) with
 * `cohorts.import`: all or nothing; a refusal is shown in the background's words, naming each part.
 */
export function ImportCohorts({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const run = async () => {
    try {
      const { saved } = await sendMessage('cohorts.import', { text, format: 'json' });
      setResult({ ok: true, message: `Imported ${saved.length} cohort${saved.length === 1 ? '' : 's'}: ${saved.map((c) => c.name).join(', ')}.` });
      setText('');
      onImported();
    } catch (e) {
      setResult({ ok: false, message: `Nothing imported: ${errorText(e)}` });
    }
  };
  return (
    <details class="cohort-import">
      <summary>Import from PostHog</summary>
      <label class="block">
        PostHog cohort JSON
        <textarea data-testid="cohort-import-text" rows={6} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <label class="inline">
        Or load a JSON file{' '}
        <input type="file" accept=".json,application/json" onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (file) setText(await file.text());
        }} />
      </label>
      <p>
        <button type="button" data-testid="cohort-import" disabled={!text.trim()} onClick={run}>Import</button>
      </p>
      {result && <p role={result.ok ? 'status' : 'alert'} class={result.ok ? '' : 'error'} data-testid="cohort-import-result">{result.message}</p>}
    </details>
  );
}
