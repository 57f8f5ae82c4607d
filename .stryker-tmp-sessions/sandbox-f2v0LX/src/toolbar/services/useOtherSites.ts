// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import type { StoredAction } from '../../actions/types';
import { copyToSite, type SiteActions } from '../../store/actions';
import { api, describeError } from './api';

/** The "Other sites" list: loaded each time it is opened; `copy` makes an action of this site. */
export interface OtherSites {
  /** Other sites' actions grouped by site; null while loading or closed. */
  groups: SiteActions[] | null;
  error: string;
  /** What the last copy did ("Copied … as …"), for a status line. */
  message: string;
  copy(action: StoredAction): Promise<void>;
}

/**
 * Other sites' actions (another host or another port), read only while `open`, and "copy to
 * this site": a new action of `site` with the same name, steps, description and tags — named
 * "… (copy)" when `taken` (this site's names) has the name. `copied` runs after a copy is saved.
 */
export function useOtherSites(site: string, open: boolean, taken: readonly string[], copied: () => void): OtherSites {
  const [groups, setGroups] = useState<SiteActions[] | null>(null);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    setGroups(null);
    setMessage('');
    if (!open) return;
    let stale = false;
    api.listAll(site).then(
      (list) => {
        if (stale) return;
        setGroups(list);
        setError('');
      },
      (e: unknown) => !stale && setError(describeError(e).message),
    );
    return () => {
      stale = true;
    };
  }, [site, open]);
  return {
    groups,
    error,
    message,
    async copy(action) {
      const input = copyToSite(action, site, taken);
      try {
        await api.save(input);
        setError('');
        setMessage(input.name === action.name.trim() ? `Copied “${input.name}” to this site.` : `Copied as “${input.name}”: this site already has an action named “${action.name.trim()}”.`);
        copied();
      } catch (e) {
        setMessage('');
        setError(describeError(e).message);
      }
    },
  };
}
