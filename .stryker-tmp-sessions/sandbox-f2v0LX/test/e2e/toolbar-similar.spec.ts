// @ts-nocheck
import type { Page } from '@playwright/test';
import { compileAction } from '../../src/actions';
import type { ActionStep } from '../../src/actions/types';
import { autocaptures, expect, storedActions, test, waitForStored, type Extension } from './harness';
import { openToolbar, pick, toolbar } from './toolbar-support';

/**
 * Actions on repeated elements (test/fixtures/site/lists.html): picking one row's control
 * pre-fills an action that matches the control of every row and nothing else (each section has a
 * decoy that looks alike), never by position; "only this one" matches the one; a link that
 * differs from its siblings by its href keeps that identity. Counts agree between the element
 * panel and the editor.
 */

interface Case {
  name: string;
  /** The element picked (Playwright selector; pierces open shadow roots). */
  picked: string;
  /** How many similar elements the panel reports. */
  similar: number;
  /** How many elements the pre-filled action matches on the page. */
  matches: number;
}

const CASES: Case[] = [
  { name: 'to-do checkboxes (classes only)', picked: '.todo-list li:nth-child(3) input.toggle', similar: 5, matches: 5 },
  { name: 'card buttons (data attributes per card)', picked: '[data-testid="buy-2"]', similar: 4, matches: 4 },
  { name: 'row buttons (aria labels)', picked: '#aria-section li:nth-child(2) button[aria-label="Remove item"]', similar: 4, matches: 4 },
  { name: 'table row buttons', picked: '#orders tbody tr:nth-child(4) button', similar: 6, matches: 6 },
  { name: 'web components with shadow roots', picked: 'order-row:nth-child(2) button.archive', similar: 4, matches: 4 },
  { name: 'generated class names', picked: '#generated-section div > div:nth-child(3) button', similar: 5, matches: 5 },
  { name: 'a menu link keeps its href identity', picked: 'a.menu-link[href="/lists.html#docs"]', similar: 4, matches: 1 },
];

async function openLists(ext: Extension, site: { url: string }): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/lists.html`);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  await openToolbar(ext, page);
  return page;
}

test('one row of a list: the pre-filled action matches every similar element and nothing else, in several markup styles', async ({ ext, site }) => {
  const page = await openLists(ext, site);
  const panel = toolbar(page).getByTestId('element-panel');
  const editor = toolbar(page).getByTestId('editor');
  for (const c of CASES) {
    await pick(page, c.picked);
    await expect(panel.getByTestId('similar-count'), c.name).toHaveAttribute('data-count', String(c.similar));
    // The first candidate's "N on this page" is counted as the editor will count it.
    await expect(panel.getByTestId('candidate-count').first(), c.name).toHaveAttribute('data-count', String(c.matches));
    await panel.getByTestId('new-action').click();
    const selector = await editor.getByTestId('step-0-selector').inputValue();
    expect(selector, c.name).not.toMatch(/:nth-|:first-|:last-/);
    await expect(editor.getByTestId('page-count'), `${c.name}: ${selector}`).toHaveText(`${c.matches} matching element${c.matches === 1 ? '' : 's'} outlined`);
    await editor.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('"only this one" matches the picked element alone', async ({ ext, site }) => {
  const page = await openLists(ext, site);
  const panel = toolbar(page).getByTestId('element-panel');
  const editor = toolbar(page).getByTestId('editor');
  for (const c of CASES.slice(0, 4)) {
    await pick(page, c.picked);
    await panel.getByTestId('scope-one').check();
    await expect(panel.getByTestId('candidate-count').first(), c.name).toHaveAttribute('data-count', '1');
    await panel.getByTestId('new-action').click();
    await expect(editor.getByTestId('page-count'), c.name).toHaveText('1 matching element outlined');
    await editor.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('each pick starts from its own default: a menu link (only this one), then a row checkbox (all similar)', async ({ ext, site }) => {
  const page = await openLists(ext, site);
  const panel = toolbar(page).getByTestId('element-panel');
  await pick(page, 'a.menu-link[href="/lists.html#docs"]');
  await expect(panel.getByTestId('scope-one')).toBeChecked();
  // Picked again while the element panel is open.
  await pick(page, '.todo-list li:nth-child(3) input.toggle');
  await expect(panel.getByTestId('similar-count')).toHaveAttribute('data-count', '5');
  await expect(panel.getByTestId('scope-similar')).toBeChecked();
  await expect(panel.getByTestId('candidate-count').first()).toHaveAttribute('data-count', '5');
});

test('rows whose buttons appear on hover: counted, and the panel says how many are visible', async ({ ext, site }) => {
  const page = await openLists(ext, site);
  await toolbar(page).getByTestId('inspect').click();
  await page.locator('.hover-row').nth(1).hover();
  const button = page.locator('.hover-row').nth(1).locator('button');
  await button.hover();
  await button.click();
  const panel = toolbar(page).getByTestId('element-panel');
  await expect(panel.getByTestId('similar-count')).toHaveAttribute('data-count', '3');
  // Only the hovered row shows its button.
  await expect(panel.getByTestId('candidate-count').first()).toHaveText('3 matching, 1 visible');
});

/** The steps of the saved action called `name`. */
async function storedSteps(ext: Extension, name: string): Promise<ActionStep[]> {
  const action = (await storedActions(ext)).find((a) => a.name === name);
  if (!action) throw new Error(`no saved action named ${name}`);
  return action.steps;
}

test('real clicks: the saved action matches the clicks on every similar element and not the decoy', async ({ ext, site }) => {
  const page = await openLists(ext, site);
  const editor = toolbar(page).getByTestId('editor');
  const saveFrom = async (picked: string, name: string) => {
    await pick(page, picked);
    await toolbar(page).getByTestId('new-action').click();
    await editor.getByTestId('action-name').fill(name);
    await editor.getByTestId('save-action').click();
    await expect(toolbar(page).locator(`[data-testid="saved-action"][data-name="${name}"]`)).toBeVisible();
  };
  await saveFrom('[data-testid="buy-3"]', 'Bought');
  await saveFrom('order-row:nth-child(3) button.archive', 'Archived');

  // Out of inspect mode: clicks reach the page and are captured. Similar ones, then the decoys.
  const clicks: [string, string | null][] = [
    ...[1, 2, 3, 4].map((i): [string, string] => [`[data-testid="buy-${i}"]`, 'Bought']),
    ...[1, 2, 3, 4].map((i): [string, string] => [`order-row:nth-child(${i}) button.archive`, 'Archived']),
    ['[data-testid="buy-all"]', null],
    ['#components-section > button.archive', null],
    ['[data-testid="save-2"]', null],
  ];
  for (const [selector] of clicks) await page.locator(selector).click();
  const events = autocaptures(await waitForStored(ext, (all) => autocaptures(all).length === clicks.length));
  events.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.uuid.localeCompare(b.uuid));
  const actions = { Bought: compileAction({ steps: await storedSteps(ext, 'Bought') }), Archived: compileAction({ steps: await storedSteps(ext, 'Archived') }) };
  const judged = events.map((event) => (Object.keys(actions) as (keyof typeof actions)[]).filter((name) => actions[name].matches(event)));
  expect(judged).toEqual(clicks.map(([, expected]) => (expected ? [expected] : [])));
});
