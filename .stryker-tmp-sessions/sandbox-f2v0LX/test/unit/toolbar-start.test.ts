// @ts-nocheck
// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const sent: { type: string; data: unknown }[] = [];
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    if (type === 'toolbar.hello') return { site: 'shop.test', ui: { open: true, dock: 'right', collapsed: false, x: 0, y: 0, heatmap: false, draft: null } };
    if (type === 'actions.list' || type === 'actions.summary') return [];
    return { saved: true };
  }),
  onMessage: vi.fn(() => () => undefined),
}));
// The app itself is not under test here: a stand-in that changes state on mount, like the real one.
vi.mock('../../src/toolbar/ui/App', () => ({
  App: (props: { onState(ui: unknown): void; initial: Record<string, unknown> }) => {
    props.onState({ ...props.initial, open: true, dock: 'left' }); // an edit right away …
    setTimeout(() => props.onState({ ...props.initial, open: true, dock: 'float' }), 300); // … and one still pending at close
    return null;
  },
}));
vi.mock('../../src/toolbar/ui/toolbar.css?inline', () => ({ default: '' }));

const { startToolbar } = await import('../../src/toolbar/toolbar');

describe('startToolbar', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('mounts the host once, and a state change pending when it closes never saves open: true afterwards', async () => {
    const controller = new AbortController();
    const toolbar = await startToolbar(window, controller.signal);
    expect(document.querySelectorAll('[data-lasso-ui].ph-no-capture')).toHaveLength(1);
    toolbar.close();
    expect(document.querySelectorAll('[data-lasso-ui]')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    const saves = sent.filter((m) => m.type === 'toolbar.save').map((m) => (m.data as { ui: { open: boolean; dock: string } }).ui);
    // Closing sent the latest state at once (the edit is not lost) and nothing reopened it later.
    expect(saves.at(-1)).toMatchObject({ open: false, dock: 'left' });
    expect(saves.filter((u) => u.dock === 'float')).toEqual([]);
    controller.abort();
  });
});
