// @ts-nocheck
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { clickCentre, openExtensionPage, toggleFromPopup, until, useFirefoxAndSite } from './support';

// Issue 8: in Firefox the saved list's export downloads its file from the toolbar's content
// script on a strict-CSP page (Blob URL + a detached <a download>, no `downloads` permission).

// Created before Firefox starts (hooks run in the order registered), removed after it closed.
const downloads = join(tmpdir(), `lasso-ff-downloads-${randomUUID()}`);
test.beforeAll(() => mkdirSync(downloads));
const env = useFirefoxAndSite({
  'browser.download.folderList': 2,
  'browser.download.dir': downloads,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.alwaysOpenPanel': false,
});
test.afterAll(() => rmSync(downloads, { recursive: true, force: true }));

const inToolbar = (page: Page, testid: string): Promise<ElementHandle<Element>> =>
  until(() => page.$(`pierce/[data-testid="${testid}"]`), `toolbar never showed [data-testid="${testid}"]`);


test('strict-CSP page: a page-view action from the New action menu, exported with its report and downloaded', async () => {
  const page = await env.ff.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${env.site.url}/csp.html`);
  const ext = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
  await toggleFromPopup(env.ff, page, ext);

  await clickCentre(page, await inToolbar(page, 'new-action-menu'));
  await clickCentre(page, await inToolbar(page, 'new-pageview'));
  await clickCentre(page, await inToolbar(page, 'action-name'));
  await page.keyboard.type('Viewed gift cards');
  const save = await inToolbar(page, 'save-action');
  await until(() => save.evaluate((b) => !(b as HTMLButtonElement).disabled), 'save never became enabled');
  await clickCentre(page, save);
  await inToolbar(page, 'saved-action');

  await clickCentre(page, await inToolbar(page, 'export-open'));
  const report = await inToolbar(page, 'compat-report');
  expect(await report.evaluate((r) => r.textContent)).toContain('PostHog evaluates this action the same way Lasso does.');
  await clickCentre(page, await inToolbar(page, 'export-download'));
  const name = await until(async () => readdirSync(downloads).find((f) => f.endsWith('.json') && !f.endsWith('.part')), 'no file was downloaded');
  expect(name).toMatch(/^lasso-actions-127\.0\.0\.1.*\.json$/);
  const file = await until(async () => {
    try {
      return JSON.parse(readFileSync(join(downloads, name), 'utf8')) as { actions: { name: string; steps: { event: string; url: string }[] }[] };
    } catch {
      return null; // still being written
    }
  }, 'the downloaded file never became complete JSON');
  expect(file.actions.map((a) => a.name)).toEqual(['Viewed gift cards']);
  expect(file.actions[0].steps[0]).toMatchObject({ event: '$pageview', url: `${env.site.url}/csp.html` });
});
