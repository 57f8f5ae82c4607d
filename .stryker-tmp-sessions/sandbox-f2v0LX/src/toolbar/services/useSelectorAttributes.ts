// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_DATA_ATTRIBUTES } from '../../settings/data-attributes';
import { loadSettings, watchSettings } from '../../settings/storage';

/**
 * The data attributes that rank first for selectors (settings `selectorAttributes`, set on the
 * options page), kept current as settings change; the defaults until settings are read.
 */
export function useSelectorAttributes(): string[] {
  const [attributes, setAttributes] = useState<string[]>(DEFAULT_DATA_ATTRIBUTES);
  useEffect(() => {
    const controller = new AbortController();
    const take = (s: { selectorAttributes: string[] }) => !controller.signal.aborted && setAttributes(s.selectorAttributes);
    loadSettings().then(take, () => undefined);
    watchSettings(take, controller.signal);
    return () => controller.abort();
  }, []);
  return attributes;
}
