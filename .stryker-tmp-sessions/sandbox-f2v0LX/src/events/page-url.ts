/**
 * The page a URL is on: origin + path, no query or hash (`https://shop.test/cart`), or null when
 * it is not a URL. Used wherever "the same page" is asked (action summaries, heatmaps).
 */
// @ts-nocheck

export function pageKey(url: string): string | null {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return null;
  }
}
