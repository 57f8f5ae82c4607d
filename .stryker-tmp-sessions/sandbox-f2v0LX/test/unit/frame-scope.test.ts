// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { frameScope, topFrameSite, webFrame, type SenderLike } from '../../src/messaging/frame-scope';

const ID = 'lasso';
const TOP = 'http://127.0.0.1:5174/cross-frame.html';
const FRAME = 'http://localhost:5174/frame.html';
/** A content script in a frame of `url` inside a tab showing the top page (`tab.url` is the top page's, always). */
const inFrame = (url: string, frameId: number, extra: Partial<SenderLike> = {}): SenderLike => ({ id: ID, url, frameId, tab: { id: 7, url: TOP } as SenderLike['tab'], ...extra });
const popup: SenderLike = { id: ID, url: 'chrome-extension://lasso/popup.html' };

describe('frameScope: the sending frame, never its tab', () => {
  it.each<[string, SenderLike | undefined, ReturnType<typeof frameScope>]>([
    ['the top frame', inFrame(TOP, 0), { extensionPage: false, site: '127.0.0.1:5174', hostname: '127.0.0.1', url: TOP, origin: 'http://127.0.0.1:5174', top: true, tabId: 7 }],
    ['a frame of another site in that tab: its own site, not the tab’s', inFrame(FRAME, 3), { extensionPage: false, site: 'localhost:5174', hostname: 'localhost', url: FRAME, origin: 'http://localhost:5174', top: false, tabId: 7 }],
    ['a same-origin frame is still not the top frame', inFrame('http://127.0.0.1:5174/frame.html', 2), expect.objectContaining({ site: '127.0.0.1:5174', top: false })],
    ['Chromium’s origin agreeing with the URL', inFrame(FRAME, 3, { origin: 'http://localhost:5174' }), expect.objectContaining({ site: 'localhost:5174' })],
    ['a sandboxed frame (opaque origin) speaks for its URL', inFrame(FRAME, 3, { origin: 'null' }), expect.objectContaining({ site: 'localhost:5174', top: false })],
    ['https with its default port left out', inFrame('https://Shop.Example.com:443/a', 0), expect.objectContaining({ site: 'shop.example.com', origin: 'https://shop.example.com' })],
    ['a sender without a frame id is not the top frame', { id: ID, url: TOP, tab: { id: 7 } }, expect.objectContaining({ top: false })],
    ['an extension page (popup)', popup, { extensionPage: true }],
    ['an extension page in a tab', { ...popup, tab: { id: 9 }, frameId: 0 }, { extensionPage: true }],
    ['another extension', { id: 'other', url: TOP, frameId: 0 }, { refused: 'sender other is not this extension' }],
    ['a web page (no extension id)', { url: TOP, frameId: 0 }, { refused: 'sender unknown is not this extension' }],
    ['no sender', undefined, { refused: 'sender unknown is not this extension' }],
    ['about:blank (its origin is its parent’s)', inFrame('about:blank', 4, { origin: 'http://127.0.0.1:5174' }), { refused: 'the sending frame ("about:blank") is not a web page of its own' }],
    ['srcdoc', inFrame('about:srcdoc', 4), { refused: 'the sending frame ("about:srcdoc") is not a web page of its own' }],
    ['a file: page', inFrame('file:///home/me/page.html', 0), { refused: 'the sending frame ("file:///home/me/page.html") is not a web page of its own' }],
    ['a data: frame', inFrame('data:text/html,<p>hi', 2), { refused: 'the sending frame ("data:text/html,<p>hi") is not a web page of its own' }],
    ['a blob: frame', inFrame('blob:http://127.0.0.1:5174/0d4c', 2), { refused: 'the sending frame ("blob:http://127.0.0.1:5174/0d4c") is not a web page of its own' }],
    ['no URL at all', { id: ID, frameId: 0, tab: { id: 7 } }, { refused: 'the sending frame (no address) is not a web page of its own' }],
    ['an origin that disagrees with the URL', inFrame(FRAME, 3, { origin: 'http://127.0.0.1:5174' }), { refused: 'the sending frame\'s origin http://127.0.0.1:5174 does not match its address http://localhost:5174' }],
  ])('%s', (_name, sender, expected) => {
    expect(frameScope(sender, ID)).toEqual(expected);
  });
});

describe('topFrameSite: actions, heatmaps, previews and the toolbar serve the top frame and extension pages only', () => {
  it.each<[string, SenderLike, string | null]>([
    ['the top frame gets its own site', inFrame(TOP, 0), '127.0.0.1:5174'],
    ['the top frame’s URL decides, whatever tab.url says', { ...inFrame('http://localhost:3000/app', 0), tab: { id: 7, url: TOP } as SenderLike['tab'] }, 'localhost:3000'],
    ['an extension page gets every site', popup, null],
  ])('%s', (_name, sender, site) => {
    expect(topFrameSite(sender, ID, 'actions.list')).toBe(site);
  });

  it.each<[string, SenderLike, string]>([
    ['a frame of another site', inFrame(FRAME, 3), 'actions.list: refused — only the page\'s top frame (where the toolbar lives) may ask this, not a frame inside it (http://localhost:5174)'],
    ['a frame of the same site', inFrame(TOP, 1), 'not a frame inside it (http://127.0.0.1:5174)'],
    ['about:blank', inFrame('about:blank', 0), 'actions.list: refused — the sending frame ("about:blank") is not a web page of its own'],
    ['another extension', { id: 'other', url: TOP, frameId: 0 }, 'actions.list: refused — sender other is not this extension'],
  ])('refuses %s, naming why', (_name, sender, message) => {
    expect(() => topFrameSite(sender, ID, 'actions.list')).toThrow(message);
  });
});

describe('webFrame: a frame of a tab (capture: any frame; the toolbar: the top one)', () => {
  it.each<[string, SenderLike, boolean, Record<string, unknown> | string]>([
    ['capture in a cross-site frame', inFrame(FRAME, 3), false, { site: 'localhost:5174', hostname: 'localhost', top: false, tabId: 7 }],
    ['capture in the top frame', inFrame(TOP, 0), false, { site: '127.0.0.1:5174', top: true, tabId: 7 }],
    ['the toolbar in the top frame', inFrame(TOP, 0), true, { site: '127.0.0.1:5174', tabId: 7 }],
    ['the toolbar’s message from a frame inside the page', inFrame(FRAME, 3), true, 'x: refused — only the page\'s top frame'],
    ['an extension page has no frame of a tab', popup, false, 'x: refused — not from a web page tab'],
    ['a content script outside a tab', { id: ID, url: TOP, frameId: 0 }, false, 'x: refused — not from a web page tab'],
    ['about:blank', inFrame('about:blank', 5), false, 'is not a web page of its own'],
  ])('%s', (_name, sender, top, expected) => {
    if (typeof expected === 'string') expect(() => webFrame(sender, ID, 'x', { top })).toThrow(expected);
    else expect(webFrame(sender, ID, 'x', { top })).toMatchObject(expected);
  });
});
