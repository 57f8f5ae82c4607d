// @ts-nocheck
import type { CsvLineProblem } from './csv-lines';

/**
 * A static cohort's distinct ids: pasted, or read from a CSV file (one id a line, or a
 * `distinct_id` column), with each malformed line named by its number before anything is saved.
 */
export function StaticIds({ text, onText, problems, refusal }: { text: string; onText: (t: string) => void; problems: CsvLineProblem[]; refusal: string | null }) {
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file) onText(await file.text());
  };
  return (
    <div class="static-ids">
      <label class="block">
        Distinct ids (one per line, or a CSV with a <code>distinct_id</code> column)
        <textarea data-testid="cohort-ids" rows={8} spellcheck={false} value={text} onInput={(e) => onText(e.currentTarget.value)} aria-describedby="csv-problems" />
      </label>
      <label class="inline">
        Or load a CSV file <input type="file" accept=".csv,text/csv,text/plain" data-testid="cohort-ids-file" onChange={(e) => void readFile(e.currentTarget)} />
      </label>
      <div id="csv-problems" role="status">
        {problems.length > 0 && (
          <>
            <p class="error">{problems.length} malformed line{problems.length === 1 ? '' : 's'}; fix or remove {problems.length === 1 ? 'it' : 'them'} to save:</p>
            <ul class="error" data-testid="csv-problems">
              {problems.map((p) => <li key={p.line}>Line {p.line}: {p.problem}</li>)}
            </ul>
          </>
        )}
        {refusal && text.trim() !== '' && <p class="error">{refusal}</p>}
      </div>
    </div>
  );
}
