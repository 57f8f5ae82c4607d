/** The toolbar's views, one tab each. */
// @ts-nocheck

export type TabView = 'actions' | 'element' | 'editor';

const tabId = (view: TabView) => `lasso-tab-${view}`;
const panelId = (view: TabView) => `lasso-tabpanel-${view}`;

/**
 * Attributes for the root element of a view's panel (ARIA tabs pattern): spread them on the
 * component's outer element, e.g. `<section {...tabPanel('actions')}>`. Only the selected view
 * is rendered; the other tabs' `aria-controls` then name a panel that is not there, which ARIA
 * allows for unselected tabs.
 */
export function tabPanel(view: TabView): { role: 'tabpanel'; id: string; 'aria-labelledby': string } {
  return { role: 'tabpanel', id: panelId(view), 'aria-labelledby': tabId(view) };
}

/** Where arrow / Home / End keys move among the enabled tabs from `from` (wrapping), or null for other keys (pure). */
export function nextTab(key: string, enabled: TabView[], from: TabView): TabView | null {
  if (!enabled.length) return null;
  const i = Math.max(0, enabled.indexOf(from));
  switch (key) {
    case 'ArrowRight': return enabled[(i + 1) % enabled.length];
    case 'ArrowLeft': return enabled[(i - 1 + enabled.length) % enabled.length];
    case 'Home': return enabled[0];
    case 'End': return enabled[enabled.length - 1];
    default: return null;
  }
}

interface Props {
  tabs: { view: TabView; label: string; disabled?: boolean }[];
  selected: TabView;
  onSelect(view: TabView): void;
}

/**
 * The view tabs (ARIA tabs pattern, automatic activation): only the selected tab is in the Tab
 * order; Left / Right (wrapping), Home and End move to and select another enabled tab.
 */
export function Tabs({ tabs, selected, onSelect }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    const to = nextTab(e.key, tabs.filter((t) => !t.disabled).map((t) => t.view), selected);
    if (!to) return;
    e.preventDefault();
    onSelect(to);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${tabId(to)}`)?.focus();
  };
  return (
    <nav class="lasso-tabs" role="tablist" aria-label="Toolbar views" onKeyDown={onKeyDown}>
      {tabs.map(({ view, label, disabled }) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={tabId(view)}
          aria-controls={panelId(view)}
          aria-selected={view === selected}
          tabIndex={view === selected ? 0 : -1}
          disabled={disabled}
          data-testid={`tab-${view}`}
          onClick={() => onSelect(view)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}
