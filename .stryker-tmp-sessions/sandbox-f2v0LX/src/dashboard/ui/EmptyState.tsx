// @ts-nocheck
import type { ComponentChildren } from 'preact';

/**
 * What a view shows when it has nothing to show: what is (not) there, and what to do next
 * (`children`: a sentence, a link or a button). Never a blank area.
 */
export function EmptyState({ title, children, testId = 'empty-state' }: { title: string; children?: ComponentChildren; testId?: string }) {
  return (
    <div class="empty-state" data-testid={testId} role="status">
      <p class="empty-title">{title}</p>
      {children && <div class="empty-next">{children}</div>}
    </div>
  );
}
