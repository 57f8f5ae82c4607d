// @ts-nocheck
import { hostnameOf } from '../settings/site';

/** Hosts Lasso may always capture on (its built-in host permissions: no prompt needed). */
export const BUILT_IN_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * The capture host named by what the user typed: an origin or address (`https://shop.test/cart`)
 * or a host (`shop.test`, `localhost:3000`). Capture is switched per hostname (settings/site.ts),
 * so a port is dropped. An error names the problem.
 */
export function parseSiteInput(typed: string): { host: string } | { error: string } {
  const value = typed.trim();
  if (!value) return { error: 'Type a site, for example shop.example.com or https://localhost:3000.' };
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  if (!/^https?:\/\//i.test(url)) return { error: `"${value}" is not a web site: Lasso captures on http and https pages only.` };
  const host = hostnameOf(url);
  if (!host || /\s/.test(value)) return { error: `"${value}" is not a host name or web address.` };
  if (!host.includes('.') && !host.startsWith('[') && host !== 'localhost') return { error: `"${value}" is not a full host name (for example shop.example.com).` };
  return { host };
}

/** The host permission pattern capture on `host` needs (none for the built-in hosts). */
export const originsFor = (host: string): string[] => (BUILT_IN_HOSTS.has(host) ? [] : [`*://${host}/*`]);
