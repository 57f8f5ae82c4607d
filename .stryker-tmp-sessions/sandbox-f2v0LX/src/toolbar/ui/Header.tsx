// @ts-nocheck
import type { Dock } from '../state';

interface Props {
  collapsed: boolean;
  dock: Dock;
  inspecting: boolean;
  heatmap: boolean;
  onInspect(): void;
  onHeatmap(): void;
  onDock(): void;
  onCollapse(): void;
  onClose(): void;
}

/** The toolbar's bar: modes (inspect, heatmap) and window controls. It is also the drag handle. */
export function Header(p: Props) {
  return (
    <>
      <span class="lasso-logo">Lasso</span>
      <button type="button" data-testid="inspect" aria-pressed={p.inspecting} title="Pick an element on the page" onClick={p.onInspect}>Inspect</button>
      <button type="button" data-testid="heatmap" aria-pressed={p.heatmap} title="Overlay stored click counts on this page" onClick={p.onHeatmap}>Heatmap</button>
      <span class="lasso-spacer" />
      <button type="button" aria-label={p.dock === 'left' ? 'Dock right' : 'Dock left'} title="Move to the other edge" onClick={p.onDock}>{p.dock === 'left' ? '⇥' : '⇤'}</button>
      <button type="button" aria-label={p.collapsed ? 'Expand' : 'Collapse'} aria-expanded={!p.collapsed} onClick={p.onCollapse}>{p.collapsed ? '▾' : '▴'}</button>
      <button type="button" data-testid="close-toolbar" aria-label="Close the toolbar" onClick={p.onClose}>✕</button>
    </>
  );
}
