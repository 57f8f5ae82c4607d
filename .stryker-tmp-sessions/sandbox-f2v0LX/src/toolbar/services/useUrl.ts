// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';

/** How often the URL is checked: SPA routers change it without any event a content script can see reliably. */
const POLL_MS = 300;

/** The page's current URL, following SPA navigations (pushState, replaceState, hash, back / forward). */
export function useUrl(win: Window): string {
  const [url, setUrl] = useState(win.location.href);
  useEffect(() => {
    const check = () => setUrl(win.location.href);
    const controller = new AbortController();
    win.addEventListener('popstate', check, { signal: controller.signal });
    win.addEventListener('hashchange', check, { signal: controller.signal });
    const timer = setInterval(check, POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [win]);
  return url;
}
