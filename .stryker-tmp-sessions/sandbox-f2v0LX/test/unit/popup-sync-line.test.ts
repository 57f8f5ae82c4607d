// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TargetStatus } from '../../src/sync/service';

const answers: Record<string, unknown> = {};
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string) => {
    if (type in answers) return answers[type];
    throw new Error(`unexpected ${type}`);
  }),
}));

const { describeSync } = await import('../../src/popup/describe-sync');
const { SyncStatus } = await import('../../src/popup/SyncStatus');

const target = (id: string, name: string, paused = false, pausedReason?: string) => ({ id, name, paused, ...(pausedReason ? { pausedReason } : {}) });
const status = (id: string, over: Partial<TargetStatus> = {}): TargetStatus => ({ id, delivered: 0, setAside: 0, deletedBeforeDelivery: 0, waiting: 0, lastSuccess: null, lastError: null, retryAt: null, paused: false, ...over });

describe('describeSync', () => {
  it.each([
    ['no target: nothing', [], [], null],
    ['one target, nothing waiting', [target('a', 'PostHog')], [status('a')], 'Sync: 1 target, all delivered'],
    ['the largest backlog of a running target', [target('a', 'PostHog'), target('b', 'Segment')], [status('a', { waiting: 1204 }), status('b', { waiting: 20 })], 'Sync: 2 targets, 1,204 waiting'],
    ["a paused target's backlog is not waiting", [target('a', 'PostHog', true, 'The server refused the key (401 Unauthorized).'), target('b', 'Segment')], [status('a', { waiting: 50 }), status('b')], 'Sync: 2 targets, the others delivered · 1 paused: PostHog'],
    ['all paused', [target('a', 'PostHog', true)], [status('a', { waiting: 5 })], 'Sync: 1 target · 1 paused: PostHog'],
    ['retrying and set aside', [target('a', 'Hook')], [status('a', { waiting: 3, retryAt: 1, setAside: 2 })], 'Sync: 1 target, 3 waiting · retrying: Hook · 2 set aside'],
    ['a status missing (target just added) counts as nothing known', [target('a', 'PostHog')], [], 'Sync: 1 target, all delivered'],
  ])('%s', (_name, targets, statuses, text) => {
    expect(describeSync(targets, statuses)?.text ?? null).toBe(text);
  });

  it.each([
    ['all delivered', [target('a', 'A')], [status('a')], false, ''],
    ['paused with its reason', [target('a', 'A', true, 'Key refused.')], [status('a')], true, 'A: Key refused.'],
    ['paused by the user', [target('a', 'A', true)], [status('a')], true, 'A: paused by you'],
    ['set aside', [target('a', 'A')], [status('a', { setAside: 1 })], true, ''],
  ])('warns when the user is needed: %s', (_name, targets, statuses, warn, detail) => {
    expect(describeSync(targets, statuses)).toMatchObject({ warn, detail });
  });
});

describe("the popup's sync line", () => {
  let root: HTMLElement;
  const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
  beforeEach(() => {
    for (const k of Object.keys(answers)) delete answers[k];
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows the line as a button to the options page, full reasons in its title', async () => {
    answers['sync.targets'] = [target('a', 'PostHog', true, 'The server refused the key (401 Unauthorized).'), target('b', 'Segment')];
    answers['sync.status'] = [status('a'), status('b', { waiting: 7 })];
    const open = vi.fn();
    await act(() => render(h(SyncStatus, { onOpen: open }), root));
    await flush();
    const line = root.querySelector<HTMLButtonElement>('[data-testid="sync-line"]')!;
    expect(line.textContent).toBe('Sync: 2 targets, 7 waiting · 1 paused: PostHog');
    expect(line.title).toContain('PostHog: The server refused the key (401 Unauthorized).');
    expect(line.classList.contains('warn')).toBe(true);
    line.click();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['there is no target', () => ((answers['sync.targets'] = []), (answers['sync.status'] = []))],
    ['the background cannot tell', () => undefined],
  ])('draws nothing when %s', async (_name, arrange) => {
    arrange();
    await act(() => render(h(SyncStatus, { onOpen: () => undefined }), root));
    await flush();
    expect(root.innerHTML).toBe('');
  });
});
