// @ts-nocheck
import type { Page } from '@playwright/test';
import { startPostHogActionsServer } from '../fixtures/posthog-actions-server.mjs';
import { expectNoAxeViolations } from './axe';
import { expect, storedActions, test } from './harness';

// Actions ⇄ PostHog end to end against a local imitation of PostHog's actions API: connect on the
// dashboard's Actions view, pull two pages of actions into a site, push with the diff shown first
// (one create, one update, one unchanged) writing exactly those, a 400 shown per action, and the
// personal API key never in any answer a page gets nor on the page.

const KEY = 'phx_e2e_personal_secret';
const SITE = 'shop.example.com';
let server: Awaited<ReturnType<typeof startPostHogActionsServer>>;
test.beforeEach(async () => {
  server = await startPostHogActionsServer({ key: KEY, projectId: '42', pageSize: 1 });
});
test.afterEach(() => server.close());

/** A message to the background from an extension page (@webext-core/messaging's envelope): the raw reply. */
async function raw(page: Page, type: string, data: unknown): Promise<{ res?: unknown; err?: { message: string } }> {
  return page.evaluate(async ([type, data]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } };
    return chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
  }, [type, data] as const);
}

test('pull two pages into a site; push shows the diff and writes exactly it; a 400 per action; the key never reaches a page', async ({ ext }) => {
  test.setTimeout(120_000);
  const [kept, changed] = server.seed([
    { name: 'Signed up', steps: [{ event: 'signed_up' }] },
    { name: 'Add to cart', steps: [{ event: '$autocapture', selector: 'button.add' }] },
  ]);
  const page = await ext.context.newPage();
  const answers: unknown[] = [];
  await page.goto(`chrome-extension://${ext.id}/dashboard.html#/actions`);
  await page.getByTestId('open-posthog').click();

  // Connect (self-hosted on 127.0.0.1); the key field comes back empty and "saved".
  await page.getByLabel('PostHog', { exact: true }).selectOption('custom');
  await page.getByLabel('Address').fill(server.origin);
  await page.getByLabel('Project id').fill('42');
  await page.getByLabel('Personal API key').fill(KEY);
  await page.getByTestId('ph-save').click();
  await expect(page.getByTestId('ph-connected')).toContainText(`Connected to project 42 on ${server.origin}`);

  // Pull: both pages (page size 1), through the import path.
  await page.getByLabel('Lasso site').fill(SITE);
  await page.getByTestId('ph-pull').click();
  await expect(page.getByTestId('ph-pull-report')).toContainText('Pulled 2 actions from PostHog into shop.example.com');
  expect(server.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2);
  expect((await storedActions(ext)).filter((a) => a.site === SITE).map((a) => a.name).sort()).toEqual(['Add to cart', 'Signed up']);

  // Someone changes one in PostHog; Lasso gets a new one. The diff: one create, one update, one unchanged.
  await fetch(`${server.origin}/api/projects/42/actions/${changed!.id}/`, { method: 'PATCH', headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ steps: [{ event: '$autocapture', selector: 'a.add' }] }) });
  const writesBefore = server.writes.length;
  answers.push(await raw(page, 'actions.save', { action: { site: SITE, name: 'Checkout', steps: [{ event: '$autocapture', selector: '#checkout' }] } }));
  await page.getByTestId('ph-diff').click();
  const rows = page.getByTestId('ph-diff-row');
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.getAttribute('data-op')]))).toEqual([
    ['Add to cart', 'update'], ['Checkout', 'create'], ['Signed up', 'unchanged'],
  ]);
  expect(server.writes.length).toBe(writesBefore);

  await page.getByTestId('ph-push').click();
  await expect(page.getByTestId('ph-push-summary')).toHaveText('2 of 2 written to PostHog.');
  const pushed = server.writes.slice(writesBefore);
  expect(pushed.map((w) => [w.method, w.body.name])).toEqual([['PATCH', 'Add to cart'], ['POST', 'Checkout']]);
  expect(pushed[0]!.id).toBe(changed!.id);
  expect(server.actions().find((a) => a.id === changed!.id)!.steps[0].selector).toBe('button.add');
  expect(server.actions().find((a) => a.id === kept!.id)!.name).toBe('Signed up');

  // A validation error shows on its action; the others are unchanged.
  server.rejectNames.add('Broken');
  answers.push(await raw(page, 'actions.save', { action: { site: SITE, name: 'Broken', steps: [{ event: '$autocapture', selector: '#broken' }] } }));
  await page.getByTestId('ph-recompare').click();
  await expect(page.locator('[data-testid="ph-diff-row"][data-op="create"]')).toHaveCount(1);
  await page.getByTestId('ph-push').click();
  const broken = page.locator('[data-testid="ph-diff-row"][data-result="error"]');
  await expect(broken).toHaveCount(1);
  await expect(broken.locator('th')).toHaveText('Broken');
  await expect(broken.getByTestId('ph-field-error')).toHaveText('steps: Step 1: selector is not valid.');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `PostHog panel with push results, ${colorScheme}`, '[data-testid="ph-panel"]');
  }

  // A pushed diff that is stale is refused; nothing written.
  const diff = (await raw(page, 'phActions.diff', { site: SITE })) as { res: { hash: string } };
  answers.push(diff);
  answers.push(await raw(page, 'actions.save', { action: { site: SITE, name: 'Later', steps: [{ event: 'later' }] } }));
  const writesNow = server.writes.length;
  const stale = await raw(page, 'phActions.push', { site: SITE, hash: diff.res.hash });
  answers.push(stale);
  expect(stale.err?.message).toMatch(/changed since the diff was shown/);
  expect(server.writes.length).toBe(writesNow);

  // The key: in no answer, not on the page; a wrong key's 401 is in plain words without it.
  answers.push(await raw(page, 'phActions.connection.get', {}));
  answers.push(await raw(page, 'phActions.pull', { site: SITE }));
  answers.push(await raw(page, 'phActions.connection.save', { host: server.origin, projectId: '42', apiKey: 'phx_wrong_key_e2e' }));
  const refused = await raw(page, 'phActions.diff', { site: SITE });
  answers.push(refused);
  expect(refused.err?.message).toMatch(/PostHog refused the personal API key \(401\)/);
  for (const answer of answers) {
    expect(JSON.stringify(answer)).not.toContain(KEY);
    expect(JSON.stringify(answer)).not.toContain('phx_wrong_key_e2e');
  }
  expect(await page.content()).not.toContain(KEY);
});
