// @ts-nocheck
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, launchWithExtension, test } from './harness';

// Settings file round trip: exported on the options page of one browser profile (keys left out),
// imported on a fresh profile's options page — the plan shown, the missing key asked for, applied.

/** A message to the background from an extension page, in @webext-core/messaging's envelope. */
async function message<T>(page: Page, type: string, data: unknown): Promise<T> {
  return page.evaluate(async ([type, data]) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } };
    const reply = await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    if (reply?.err) throw new Error(reply.err.message);
    return reply.res;
  }, [type, data] as const) as Promise<T>;
}

test('settings exported from one profile import into a fresh one: plan, missing key, applied', async ({ ext }) => {
  const KEY = 'phc_round_trip_secret';
  const first = await ext.context.newPage();
  await first.goto(`chrome-extension://${ext.id}/options.html`);
  await message(first, 'settings.update', { retentionDays: 30 });
  await message(first, 'sync.save', { target: { kind: 'posthog', name: 'Team PostHog', hostPreset: 'custom', host: 'http://127.0.0.1:9', apiKey: KEY, start: 'now', paused: true } });
  const download = first.waitForEvent('download');
  await first.getByTestId('export-settings').click();
  const path = await (await download).path();
  const text = readFileSync(path, 'utf8');
  expect(text).not.toContain(KEY);

  const fresh = await launchWithExtension();
  try {
    const page = await fresh.ext.context.newPage();
    await page.goto(`chrome-extension://${fresh.ext.id}/options.html`);
    await page.getByTestId('import-file').setInputFiles({ name: 'lasso-settings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('import-plan')).toContainText('retentionDays: keep all → 30');
    await expect(page.getByTestId('import-plan')).toContainText('Target Team PostHog: added');
    await page.getByLabel('Team PostHog: API key or write key').fill('phc_typed_here');
    await page.getByTestId('apply-import').click();
    await expect(page.getByRole('status')).toHaveText('Imported.');
    expect(await message(page, 'sync.targets', {})).toEqual([expect.objectContaining({ name: 'Team PostHog', endpoint: 'http://127.0.0.1:9', hasKey: true, paused: true })]);
    const stored = await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { retentionDays?: number }>> } } } };
      return (await chrome.storage.local.get('settings')).settings?.retentionDays;
    });
    expect(stored).toBe(30);
  } finally {
    await fresh.close();
  }
});
