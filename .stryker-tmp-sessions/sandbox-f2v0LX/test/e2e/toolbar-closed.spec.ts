// @ts-nocheck
import type { CDPSession, Page } from '@playwright/test';
import { expect, launchWithExtension, PRODUCTION_DIR, storedActions, test, type Extension } from './harness';
import { toggleFromPopup } from './toolbar-support';

// The build users install: the toolbar's shadow root is closed (the e2e build opens it for
// locators, src/toolbar/mount.ts). Locators cannot see inside a closed root, so this spec finds
// the toolbar's controls through the DevTools protocol (which pierces every root) and drives them
// with real mouse and keyboard input, as the user would.

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Attribute tests, each one a descendant of the previous one's match: `[['data-name', 'X'], ['class', 'lasso-danger']]`. */
type Steps = Array<[name: string, value: string]>;

const has = (node: DomNode, [name, value]: [string, string]) => {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name && attrs[i + 1] === value) return true;
  return false;
};

/** The first node (breadth first, in every shadow root too) matching `steps`. */
async function findNode(cdp: CDPSession, steps: Steps): Promise<DomNode | undefined> {
  let { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  for (const step of steps) {
    const stack = [...(root.shadowRoots ?? []), ...(root.children ?? [])];
    let found: DomNode | undefined;
    while (stack.length && !found) {
      const node = stack.shift() as DomNode;
      if (has(node, step)) found = node;
      else stack.push(...(node.shadowRoots ?? []), ...(node.children ?? []));
    }
    if (!found) return undefined;
    root = found;
  }
  return root;
}

/** Click the centre of the toolbar control `steps` finds, with the real mouse. */
async function clickNode(page: Page, cdp: CDPSession, steps: Steps): Promise<void> {
  await expect.poll(async () => !!(await findNode(cdp, steps))).toBe(true);
  const node = (await findNode(cdp, steps)) as DomNode;
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** A property of the toolbar control `steps` finds (read through the protocol, not the page). */
async function propertyOf(cdp: CDPSession, steps: Steps, property: string): Promise<unknown> {
  const node = await findNode(cdp, steps);
  if (!node) return undefined;
  const { object } = (await cdp.send('DOM.resolveNode', { nodeId: node.nodeId })) as { object: { objectId: string } };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () { return this[${JSON.stringify(property)}]; }`,
    returnByValue: true,
  })) as { result: { value: unknown } };
  return result.value;
}

/** The text of the focused control inside the toolbar's (closed) shadow root. */
async function activeText(cdp: CDPSession): Promise<string> {
  const host = await findNode(cdp, [['data-lasso-ui', '']]);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return '';
  const { object } = (await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId })) as { object: { objectId: string } };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: 'function () { return this.activeElement ? this.activeElement.textContent : ""; }',
    returnByValue: true,
  })) as { result: { value: string } };
  return result.value;
}

async function saveAction(ext: Extension, site: string, name: string): Promise<void> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  await popup.evaluate(async ({ site, name }) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    await chrome.runtime.sendMessage({ id: 1, type: 'actions.save', data: { action: { site, name, steps: [{ event: '$pageview' }] } }, timestamp: Date.now() });
  }, { site, name });
  await popup.close();
}

const ROW: Steps = [['data-name', 'Secret launch plan']];
const SEARCH: Steps = [['aria-label', 'Search actions']];

test('production build: the page cannot reach into the toolbar, and a key logger from its first script hears nothing typed there', async ({ site }) => {
  const { ext, close } = await launchWithExtension(undefined, PRODUCTION_DIR);
  try {
    const host = new URL(site.url).host;
    await saveAction(ext, host, 'Secret launch plan');
    const page = await ext.context.newPage();
    await page.goto(`${site.url}/keys.html`);
    await toggleFromPopup(ext, page);
    const cdp = await ext.context.newCDPSession(page);

    // The saved action is shown in the toolbar (seen through the protocol)…
    await expect.poll(() => propertyOf(cdp, ROW, 'isConnected')).toBe(true);
    // …and nowhere the page can look: no shadow root to read, nothing in the page's own DOM or text.
    expect(await page.evaluate(() => {
      const el = document.querySelector('[data-lasso-ui]');
      return {
        host: !!el,
        shadowRoot: el ? el.shadowRoot : 'no host',
        html: document.documentElement.getHTML({ serializableShadowRoots: true }).includes('Secret launch plan'),
        text: document.body.innerText.includes('Secret launch plan'),
      };
    })).toEqual({ host: true, shadowRoot: null, html: false, text: false });

    // The user types into the toolbar's search box: the search runs (the action is filtered out)…
    await clickNode(page, cdp, SEARCH);
    await page.keyboard.type('zq');
    await expect.poll(() => propertyOf(cdp, SEARCH, 'value')).toBe('zq');
    await expect.poll(async () => !!(await findNode(cdp, ROW))).toBe(false);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    // Marker: the last key reached the toolbar (the action is back) before the log is read.
    await expect.poll(() => propertyOf(cdp, ROW, 'isConnected')).toBe(true);
    // …and the page's listeners — window capture ones registered before any other script — heard nothing.
    expect(await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys)).toEqual([]);

    // The same listeners do hear typing on the page itself.
    await page.locator('#page-input').click();
    await page.keyboard.type('a');
    expect(await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys)).toEqual(
      expect.arrayContaining(['window keydown a', 'document keydown a', 'window input a']),
    );
  } finally {
    await close();
  }
});

test('production build: the user’s click on Delete deletes, and Undo brings the action back (the guard sees inside the closed root)', async ({ site }) => {
  const { ext, close } = await launchWithExtension(undefined, PRODUCTION_DIR);
  try {
    await saveAction(ext, new URL(site.url).host, 'Secret launch plan');
    const page = await ext.context.newPage();
    await page.goto(`${site.url}/keys.html`);
    await toggleFromPopup(ext, page);
    const cdp = await ext.context.newCDPSession(page);
    await clickNode(page, cdp, [...ROW, ['class', 'lasso-danger']]);
    await expect.poll(async () => !!(await findNode(cdp, ROW))).toBe(false);
    await expect.poll(async () => (await storedActions(ext)).length).toBe(0);
    await clickNode(page, cdp, [['data-testid', 'undo-delete']]);
    await expect.poll(async () => (await storedActions(ext)).map((a) => a.name)).toEqual(['Secret launch plan']);

    // By keyboard: Tab from the search box to the row's controls, Enter on Delete. The row must be
    // drawn again first (the store answered before the list re-rendered), or Tab walks past it.
    await expect.poll(() => propertyOf(cdp, ROW, 'isConnected')).toBe(true);
    await clickNode(page, cdp, SEARCH);
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'Delete'; i++) {
      await page.keyboard.press('Tab');
      focused = await activeText(cdp);
    }
    expect(focused).toBe('Delete');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedActions(ext)).length).toBe(0);
  } finally {
    await close();
  }
});
