/**
 * A short, cheap description of an element for the hover label: `tag#id.class.class` (at most two
 * classes, long names cut). Reads attributes only, so it stays within the per-move budget.
 */
// @ts-nocheck

export function elementLabel(el: Element): string {
  let label = el.localName;
  const id = el.getAttribute('id');
  if (id) label += `#${id.length > 24 ? `${id.slice(0, 23)}…` : id}`;
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 2);
  for (const c of classes) label += `.${c.length > 24 ? `${c.slice(0, 23)}…` : c}`;
  return label;
}
