// @ts-nocheck
import type { ConditionExplanation, StepExplanation } from '../../actions/types';

/** Short lines for the live feed: per step, matched or which condition failed and why (pure). */

/** One line of the feed's explanation. */
export interface ExplainLine {
  /** 0-based step index. */
  step: number;
  matched: boolean;
  text: string;
}

/** Condition names as a user reads them: `properties[0]` → `filter 1`. */
export function conditionLabel(condition: string): string {
  const m = /^properties\[(\d+)\]$/.exec(condition);
  return m ? `filter ${Number(m[1]) + 1}` : condition;
}

const failure = (c: ConditionExplanation): string => `${conditionLabel(c.condition)}: ${c.reason}`;

/**
 * One line per step. A matched step lists the conditions it checked ("Step 1 matched: event,
 * selector"); a failed one names each failed condition with the matcher's reason ("Step 2 failed
 * — selector: no element of the chain matches `#buy`; url: …"). Passed conditions of a failed
 * step are left out: the user wants to know what to change.
 */
export function explainLines(explanation: readonly StepExplanation[]): ExplainLine[] {
  return explanation.map(({ step, matched, conditions }) => {
    const head = `Step ${step + 1}`;
    if (matched) {
      const none = conditions.length === 1 && conditions[0].condition === '(none)';
      const text = none ? `${head} matched: it sets no condition` : `${head} matched: ${conditions.map((c) => conditionLabel(c.condition)).join(', ')}`;
      return { step, matched, text };
    }
    return { step, matched, text: `${head} failed — ${conditions.filter((c) => !c.passed).map(failure).join('; ')}` };
  });
}
