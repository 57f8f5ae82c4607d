// @ts-nocheck
import { expect, test, waitForStored } from './harness';

test('$session_id and $window_id on stored events: kept across a reload, shared session and own window in a second tab', async ({ ext, site }) => {
  const pageviews = (n: number) => waitForStored(ext, (all) => all.filter((e) => e.event === '$pageview').length >= n).then((all) => all.filter((e) => e.event === '$pageview'));
  const first = await ext.context.newPage();
  await first.goto(`${site.url}/`);
  await pageviews(1);
  await first.reload();
  const second = await ext.context.newPage();
  await pageviews(2);
  await second.goto(`${site.url}/cart.html`);
  const [a, reloaded, other] = (await pageviews(3)).sort((x, y) => x.timestamp.localeCompare(y.timestamp));
  expect(reloaded.properties.$pathname).toBe('/');
  expect(other.properties.$pathname).toBe('/cart.html');
  // One site, one session: the reload and the second tab continue it.
  expect(reloaded.properties.$session_id).toBe(a.properties.$session_id);
  expect(other.properties.$session_id).toBe(a.properties.$session_id);
  // A window is a tab: the reload keeps it, the second tab has its own.
  expect(reloaded.properties.$window_id).toBe(a.properties.$window_id);
  expect(reloaded.properties.$lasso_window_id).toBe(a.properties.$lasso_window_id);
  expect(other.properties.$window_id).not.toBe(a.properties.$window_id);
  expect(other.properties.$lasso_window_id).not.toBe(a.properties.$lasso_window_id);
});
