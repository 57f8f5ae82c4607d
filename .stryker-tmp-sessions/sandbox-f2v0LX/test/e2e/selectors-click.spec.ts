// @ts-nocheck
import { compileAction } from '../../src/actions';
import { candidateStep } from '../../src/selectors/verify';
import { autocaptures, expect, gotoCaptured, test, waitForStored } from './harness';
import { openToolbar, pick, toolbar } from './toolbar-support';

/**
 * "Matches the click" is said by the element panel for every candidate before anything happens;
 * here it is checked against what really happens: the element is clicked for real, and each
 * candidate's action is run on the event the store got.
 */
const TARGETS: [page: string, pointAt: string][] = [
  ['/', '[data-testid="add-to-cart-2"]'],
  ['/', '[data-testid="wishlist"] svg path'],
  ['/', '[data-testid="product-link-1"] strong'],
  ['/', '#promo-card'],
  ['/signup.html', '#upgrade-btn'],
  ['/lists.html', '.todo-list li:nth-child(2) button.destroy'],
  ['/lists.html', 'a.menu-link[href="/lists.html#docs"]'],
];

test('every candidate\'s "matches the click" is what its action says of the real click', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  for (const [path, pointAt] of TARGETS) {
    await gotoCaptured(ext, page, `${site.url}${path}`);
    await openToolbar(ext, page);
    await pick(page, pointAt);
    const rows = toolbar(page).getByTestId('candidates').locator('li');
    await expect(rows.first()).toBeVisible();
    const candidates = await rows.evaluateAll((lis) => lis.map((li) => ({
      selector: li.getAttribute('data-selector')!,
      text: li.getAttribute('data-text') ?? undefined,
      matchesClick: li.getAttribute('data-matches-click') === 'true',
    })));
    // Out of inspect mode: the real click, stored.
    await toolbar(page).getByTestId('close-toolbar').click();
    const before = autocaptures(await waitForStored(ext, () => true)).length;
    await page.locator(pointAt).first().click({ position: { x: 2, y: 2 } });
    const events = autocaptures(await waitForStored(ext, (all) => autocaptures(all).length > before));
    const click = events.sort((a, b) => a.timestamp.localeCompare(b.timestamp)).at(-1)!;
    expect(candidates.length, pointAt).toBeGreaterThan(0);
    for (const c of candidates) {
      const matches = compileAction({ steps: [candidateStep(c.selector, c.text)] }).matches(click);
      expect(matches, `${pointAt}: ${c.selector}${c.text === undefined ? '' : ` "${c.text}"`}`).toBe(c.matchesClick);
    }
  }
});
