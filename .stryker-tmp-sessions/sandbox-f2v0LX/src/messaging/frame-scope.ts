// @ts-nocheck
import { hostnameOf, siteKeyOf } from '../settings/site';
import { describeUrl, isExtensionUrl, MessageRejectedError } from './validate';

/**
 * Who sent a message, as both browsers describe it (`runtime.MessageSender`, `Port.sender`).
 * `url` and `origin` are the sending *frame's*, filled in by the browser; `tab.url` is the top
 * page's and is never used to scope a message: a frame of another site in the tab would borrow it.
 */
export interface SenderLike {
  id?: string;
  url?: string;
  /** Chromium only; `"null"` for an opaque origin (sandboxed frame). */
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** A web page frame that sent a message: its own site, never its tab's. */
export interface WebFrame {
  /** Host with port (`siteKeyOf`, PostHog's `$host`). */
  site: string;
  /** Hostname without port (`hostnameOf`): capture on/off, ids and sessions. */
  hostname: string;
  /** The frame's address (`sender.url`). */
  url: string;
  /** `scheme://host[:port]` of the frame's URL. */
  origin: string;
  /** The tab's top frame (frame 0), where the toolbar lives. */
  top: boolean;
  tabId: number | undefined;
}

/** An extension page (popup, dashboard) — any site — or a web frame — its own site only. */
export type FrameScope = { extensionPage: true } | ({ extensionPage: false } & WebFrame);

/** Why a sender is refused, worded for the error the caller gets back. */
export type Refusal = { refused: string };

/**
 * Who is asking, from the browser's description of the sending frame only: this extension's own
 * page, or one of its content scripts in a web frame (its site from `sender.url`; where the
 * browser also gives `sender.origin`, the two must agree). Refused: other extensions and web
 * pages, frames without a web URL of their own (about:blank, srcdoc, file:, data:, blob:).
 */
export function frameScope(sender: SenderLike | undefined, extensionId: string): FrameScope | Refusal {
  if (!sender || sender.id !== extensionId) return { refused: `sender ${sender?.id ?? 'unknown'} is not this extension` };
  if (isExtensionUrl(sender.url)) return { extensionPage: true };
  const url = sender.url ?? '';
  const site = siteKeyOf(url);
  const hostname = hostnameOf(url);
  if (!site || !hostname) return { refused: `the sending frame (${describeUrl(url)}) is not a web page of its own` };
  const origin = new URL(url).origin;
  // An opaque origin ("null", a sandboxed frame) still loaded its document from `url`.
  if (sender.origin !== undefined && sender.origin !== 'null' && sender.origin !== origin) {
    return { refused: `the sending frame's origin ${sender.origin} does not match its address ${origin}` };
  }
  return { extensionPage: false, site, hostname, url, origin, top: sender.frameId === 0, tabId: sender.tab?.id };
}

/**
 * A toolbar-side message's sender: an extension page, or a content script in a tab's top frame
 * (frame 0, where the toolbar lives). Actions, heatmaps, previews, live feeds and the toolbar's
 * state are served to nothing else: a frame inside the page is refused, whatever its site.
 */
export function topFrame(sender: SenderLike | undefined, extensionId: string, what: string): FrameScope {
  const scope = scopeOrThrow(sender, extensionId, what);
  if (!scope.extensionPage && !scope.top) {
    throw new MessageRejectedError(`${what}: refused — only the page's top frame (where the toolbar lives) may ask this, not a frame inside it (${scope.origin})`);
  }
  return scope;
}

/** The site a toolbar-side message may touch: null for an extension page (any site), else the top frame's own site (see topFrame). */
export function topFrameSite(sender: SenderLike | undefined, extensionId: string, what: string): string | null {
  const scope = topFrame(sender, extensionId, what);
  return scope.extensionPage ? null : scope.site;
}

/**
 * The web frame in a tab a message came from: the toolbar's top frame (`top`), or — for capture,
 * which runs in every frame — any frame, speaking for its own origin only. Extension pages and
 * senders outside a tab are refused.
 */
export function webFrame(sender: SenderLike | undefined, extensionId: string, what: string, { top }: { top: boolean }): WebFrame & { tabId: number } {
  const scope = top ? topFrame(sender, extensionId, what) : scopeOrThrow(sender, extensionId, what);
  if (scope.extensionPage || scope.tabId === undefined) throw new MessageRejectedError(`${what}: refused — not from a web page tab`);
  const { extensionPage: _, ...frame } = scope;
  return { ...frame, tabId: scope.tabId };
}

function scopeOrThrow(sender: SenderLike | undefined, extensionId: string, what: string): FrameScope {
  const scope = frameScope(sender, extensionId);
  if ('refused' in scope) throw new MessageRejectedError(`${what}: refused — ${scope.refused}`);
  return scope;
}
