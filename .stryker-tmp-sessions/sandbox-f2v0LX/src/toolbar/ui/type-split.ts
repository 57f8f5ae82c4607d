// @ts-nocheck
import type { PreviewResult } from '../../preview/preview';
import type { WindowName } from '../../preview/tally';

const NOUNS: Record<string, [string, string]> = { click: ['click', 'clicks'], change: ['change', 'changes'], submit: ['submit', 'submits'] };
/** Autocapture's types first, in this order; others after, by name; events without a type last. */
const ORDER = ['click', 'change', 'submit'];
const rank = (type: string): number => (ORDER.includes(type) ? ORDER.indexOf(type) : type === '' ? Infinity : ORDER.length);

/**
 * The stored matches of one window split by `$event_type`, e.g. "4 clicks · 4 changes · 1 submit"
 * (an `$autocapture` step counts a checkbox toggle twice: its click and its change). '' when no
 * match has a type (page views, custom events): nothing to split.
 */
export function typeSplit(types: PreviewResult['types'], window: WindowName): string {
  const parts = Object.entries(types)
    .map(([type, windows]) => [type, windows[window]] as const)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  if (!parts.some(([type]) => type !== '')) return '';
  return parts
    .map(([type, n]) => {
      const [one, many] = NOUNS[type] ?? (type === '' ? ['other event', 'other events'] : [type, type]);
      return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
    })
    .join(' · ');
}
