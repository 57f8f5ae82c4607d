/**
 * The element an event points at: the first node of its composed path (inside open shadow roots,
 * not the retargeted host), or that node's parent when it is a text node. Null otherwise.
 */
// @ts-nocheck

export function pointedElement(path: readonly EventTarget[]): Element | null {
  let node = path[0] as Node | undefined;
  if (node?.nodeType === 3) node = node.parentNode ?? undefined;
  return node?.nodeType === 1 ? (node as Element) : null;
}

/** True when any node of the composed path belongs to the toolbar (its host is on the path). */
export const fromOwnUi = (path: readonly EventTarget[], isOwnUi: (node: EventTarget) => boolean): boolean => path.some(isOwnUi);
