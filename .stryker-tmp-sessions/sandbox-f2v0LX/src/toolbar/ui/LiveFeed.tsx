// @ts-nocheck
import { useState } from 'preact/hooks';
import type { CompiledAction } from '../../actions';
import type { CaptureEvent } from '../../events/types';
import { describeEvent } from '../../ui/describe';
import { explainLines } from '../draft';

interface Props {
  events: CaptureEvent[];
  /** The draft compiled once (null while it is invalid). */
  compiled: CompiledAction | null;
  /** The events' persons' current properties by distinct_id (person filters judge these). */
  persons?: Record<string, Record<string, unknown>>;
}

/**
 * Events captured in this tab while testing, each marked matched or not by the same compiled
 * matcher the stored preview and the page outlines use. Clicking one shows, per step, whether it
 * matched, and for a failed step which conditions failed and why (explainLines).
 */
export function LiveFeed({ events, compiled, persons = {} }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  if (!events.length) return <p class="lasso-muted" data-testid="live-empty">Use the page: events captured in this tab appear here.</p>;
  if (!compiled) return <p class="lasso-warn">The draft is not valid yet: fix it above to see which events match.</p>;
  return (
    <ul class="lasso-feed" data-testid="live-feed">
      {events.map((e) => {
        const props = persons[String(e.distinct_id)];
        const person = props && { properties: props };
        const matched = compiled.matches(e, person);
        const expanded = open === e.uuid;
        return (
          <li key={e.uuid} class={matched ? 'lasso-hit' : 'lasso-miss'} data-matched={String(matched)}>
            <button type="button" class="lasso-feed-row" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : e.uuid)}>
              <span class="lasso-mark">{matched ? '✓ matched' : '✗ not matched'}</span> <code>{e.event}</code>{' '}
              <span class="lasso-ellipsis">{describeEvent(e)}</span>
            </button>
            {expanded && (
              <ol class="lasso-explain" data-testid="explanation">
                {explainLines(compiled.explain(e, person)).map((line) => (
                  <li key={line.step} class={line.matched ? 'lasso-pass' : 'lasso-fail'}>
                    {line.matched ? '✓' : '✗'} {line.text}
                  </li>
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ul>
  );
}
