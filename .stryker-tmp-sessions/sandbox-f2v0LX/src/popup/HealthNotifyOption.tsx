// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HEALTH_NOTIFY_KEY } from '../health/notify';

/**
 * "Notify me when an action breaks": off by default. Switching it on asks for the optional
 * `notifications` permission (the browser asks only on a click); refused, it stays off.
 */
export function HealthNotifyOption({ onError }: { onError(message: string): void }) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    void browser.storage.local.get(HEALTH_NOTIFY_KEY).then((s) => setOn(s[HEALTH_NOTIFY_KEY] === true));
  }, []);
  const change = async (want: boolean) => {
    try {
      if (want && !(await browser.permissions.request({ permissions: ['notifications'] }))) {
        onError('Lasso may not show notifications: the browser refused the permission.');
        return;
      }
      await browser.storage.local.set({ [HEALTH_NOTIFY_KEY]: want });
      setOn(want);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <label class="option">
      <input type="checkbox" data-testid="health-notify" checked={!!on} disabled={on === null} onChange={(e) => void change(e.currentTarget.checked)} />
      <span>Notify me when an action breaks <span class="muted">(checked hourly)</span></span>
    </label>
  );
}
