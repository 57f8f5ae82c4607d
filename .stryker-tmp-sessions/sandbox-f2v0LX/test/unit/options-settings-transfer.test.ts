// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: { type: string; data: unknown }[] = [];
const answers: Record<string, (data: unknown) => unknown> = {};
const requested: string[][] = [];
vi.mock('wxt/browser', () => ({ browser: { permissions: { request: async ({ origins }: { origins: string[] }) => (requested.push(origins), true) } } }));
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    if (type in answers) return answers[type](data);
    throw new Error(`unexpected ${type}`);
  }),
}));
const { SettingsTransfer } = await import('../../src/options/SettingsTransfer');

const FILE = JSON.stringify({ format: 'lasso-settings', version: 1, settings: { enabledSites: ['shop.test', 'localhost'] }, targets: [{ kind: 'posthog', endpoint: 'https://eu.i.posthog.com', name: 'PH' }] });
let root: HTMLElement;
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const q = <T extends HTMLElement>(testid: string) => root.querySelector<T>(`[data-testid="${testid}"]`)!;
async function choose(text: string) {
  const input = q<HTMLInputElement>('import-file');
  Object.defineProperty(input, 'files', { value: [new File([text], 'settings.json')], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flush();
  await flush();
}

beforeEach(() => {
  sent.length = 0;
  requested.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the settings import section', () => {
  it('shows the plan, asks for the missing key, asks access to sites and targets, then applies', async () => {
    answers['settings.import'] = (data) => ({ plan: { settings: [{ field: 'enabledSites', from: 'localhost', to: 'shop.test, localhost' }], targets: [{ name: 'PH', change: 'add', missing: ['key'], actions: [], cohorts: ['c1'], unresolved: ['cohort "Buyers"'] }] }, applied: (data as { apply?: boolean }).apply === true });
    await act(() => render(h(SettingsTransfer, {}), root));
    await choose(FILE);
    expect(q('import-plan').textContent).toContain('enabledSites: localhost → shop.test, localhost');
    expect(q('import-plan').textContent).toContain('Target PH: added');
    expect(q('unresolved').textContent).toContain('Not in this browser: cohort "Buyers". Import them first');
    const key = root.querySelector<HTMLInputElement>('[data-testid="import-plan"] input[type="password"]')!;
    key.value = 'phc_typed';
    key.dispatchEvent(new Event('input'));
    await flush();
    q('apply-import').click();
    await flush();
    expect(requested).toEqual([['*://shop.test/*', 'https://eu.i.posthog.com/*']]);
    expect(sent.map((m) => m.data)).toEqual([{ text: FILE }, { text: FILE, apply: true, given: { 0: { key: 'phc_typed' } } }]);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Imported.');
  });

  it('a refused file shows the background\'s reason and no plan', async () => {
    answers['settings.import'] = () => {
      throw new Error('This is not a Lasso settings file Lasso can import: the file is not JSON');
    };
    await act(() => render(h(SettingsTransfer, {}), root));
    await choose('{');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('the file is not JSON');
    expect(root.querySelector('[data-testid="import-plan"]')).toBeNull();
  });
});
