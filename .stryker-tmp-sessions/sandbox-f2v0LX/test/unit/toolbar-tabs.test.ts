// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { nextTab, tabPanel, type TabView } from '../../src/toolbar/ui/Tabs';

const ALL: TabView[] = ['actions', 'element', 'editor'];

describe('toolbar tabs (ARIA tabs pattern)', () => {
  it.each([
    ['ArrowRight', ALL, 'actions', 'element'],
    ['ArrowRight', ALL, 'editor', 'actions'],
    ['ArrowLeft', ALL, 'actions', 'editor'],
    ['ArrowLeft', ALL, 'element', 'actions'],
    ['Home', ALL, 'editor', 'actions'],
    ['End', ALL, 'actions', 'editor'],
    // Disabled tabs (not in the enabled list) are skipped.
    ['ArrowRight', ['actions', 'editor'], 'actions', 'editor'],
    ['ArrowRight', ['actions'], 'actions', 'actions'],
    ['Enter', ALL, 'actions', null],
    ['ArrowDown', ALL, 'actions', null],
    ['ArrowRight', [], 'actions', null],
  ] as [string, TabView[], TabView, TabView | null][])('%s among %j from %s goes to %s', (key, enabled, from, to) =>
    expect(nextTab(key, enabled, from)).toBe(to));

  it('a panel is labelled by the tab that controls it', () => {
    expect(tabPanel('element')).toEqual({ role: 'tabpanel', id: 'lasso-tabpanel-element', 'aria-labelledby': 'lasso-tab-element' });
  });
});
