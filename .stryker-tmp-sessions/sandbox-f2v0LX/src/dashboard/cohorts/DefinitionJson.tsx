// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { CohortDefinition } from '../../cohorts';

/**
 * The PostHog cohort JSON that is saved, so power users see it. Editable for dynamic cohorts:
 * "Apply JSON" replaces the builder's definition (the validator then names what is wrong); text
 * that is not a JSON object is refused here with the parser's reason, and nothing changes.
 */
export function DefinitionJson({ definition, editable, onApply }: { definition: CohortDefinition | null; editable: boolean; onApply: (d: CohortDefinition) => void }) {
  const shown = definition ? JSON.stringify(definition, null, 2) : '';
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
    setProblem(null);
  }, [shown]);
  const apply = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object such as { "filters": { "properties": … } }');
      setProblem(null);
      onApply(parsed as CohortDefinition);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details class="cohort-json" open>
      <summary>PostHog cohort JSON</summary>
      <textarea
        data-testid="cohort-json"
        aria-label="PostHog cohort JSON"
        readOnly={!editable}
        rows={12}
        spellcheck={false}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {editable && (
        <p>
          <button type="button" disabled={text === shown} onClick={apply}>Apply JSON</button>
          {problem && <span class="error" role="alert"> Not applied: {problem}</span>}
        </p>
      )}
    </details>
  );
}
