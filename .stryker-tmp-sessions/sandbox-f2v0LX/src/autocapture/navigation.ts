/**
 * Whether moving from `prev` to `next` is a new page for `$pageview`: the path or the hash
 * route changed. A query-only change (filters, replaceState of search params) is not.
 */
// @ts-nocheck

export function isNewPage(prev: string, next: string): boolean {
  try {
    const a = new URL(prev);
    const b = new URL(next);
    return a.origin !== b.origin || a.pathname !== b.pathname || a.hash !== b.hash;
  } catch {
    return prev !== next;
  }
}

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

/**
 * Call `onUrl(href)` after every same-document URL change (pushState, replaceState, popstate,
 * hashchange) until `signal` aborts. A content script cannot see the page's own history.pushState
 * calls (isolated world), so it listens to the Navigation API where the browser has it, and
 * otherwise checks location on popstate/hashchange plus a cheap 500 ms poll.
 */
export function watchUrl(win: Window, onUrl: (href: string) => void, signal: AbortSignal): void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href !== last) {
      last = href;
      onUrl(href);
    }
  };
  const nav = (win as Window & { navigation?: NavigationLike }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('currententrychange', check, { signal });
  } else {
    const poll = setInterval(check, 500);
    signal.addEventListener('abort', () => clearInterval(poll), { once: true });
  }
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
}
