/** How long a download's Blob URL is kept before it is revoked (the browser has started the download by then). */
// @ts-nocheck

const REVOKE_AFTER_MS = 30_000;

/**
 * A file name safe on every OS: `lasso-actions-<what>-<yyyy-mm-dd>.json`, where `what` (a site
 * such as `127.0.0.1:5174`, or `all-sites`) keeps only letters, digits, dots and dashes.
 */
export function exportFileName(what: string, now: Date): string {
  const safe = what.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
  return `lasso-actions-${safe}-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Download `text` as `name` from the page the toolbar is on, without the `downloads` permission:
 * a Blob URL and an `<a download>` that is never attached to the page, so the page can neither
 * see the link nor read the URL. Works on strict-CSP pages (a download is not a fetch the
 * page's CSP governs). The anchor's click is synthetic, which is why it must not be inside the
 * toolbar's shadow root: mount.ts cancels untrusted clicks there.
 */
export function saveFile(doc: Document, name: string, text: string, type = 'application/json'): void {
  const view = doc.defaultView;
  if (!view) throw new Error('the page has no window');
  const url = view.URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
