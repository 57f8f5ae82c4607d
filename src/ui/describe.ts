import type { CaptureEvent } from '../events/types';
import { parseElementsChain } from '../events/elements-chain';

/**
 * One line saying what an event was about: element text, else its aria-label or title (icon
 * buttons), else a short selector of the clicked element (tag#id.class), else the page path.
 */
export function describeEvent(event: CaptureEvent): string {
  const p = event.properties;
  if (typeof p.$el_text === 'string' && p.$el_text.trim()) return p.$el_text.trim().slice(0, 80);
  if (typeof p.$elements_chain === 'string' && p.$elements_chain) {
    const [el] = parseElementsChain(p.$elements_chain);
    if (el) {
      const label = el.attributes['attr__aria-label'] ?? el.attributes.attr__title;
      if (label) return label.slice(0, 80);
      const id = el.attr_id ? `#${el.attr_id}` : '';
      const cls = el.attr_class.slice(0, 2).map((c: string) => `.${c}`).join('');
      return `${el.tag_name}${id}${cls}`;
    }
  }
  return typeof p.$pathname === 'string' ? p.$pathname : '';
}
