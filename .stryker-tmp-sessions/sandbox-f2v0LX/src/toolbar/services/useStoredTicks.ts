// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { TOOLBAR_STORED_PORT, type StoredTickMessage } from '../../messaging/protocol';
import { livePort } from './port';
import { REFRESH_THROTTLE_MS, throttle } from './throttle';

/**
 * A number that grows when events of this site were stored (from any tab), at most once per
 * REFRESH_THROTTLE_MS: views that show stored counts (the saved list, the heatmap) refetch when
 * it changes. Also grows after the port reconnects (the worker was stopped: events may have been
 * stored meanwhile). 0 until the first change.
 */
export function useStoredTicks(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const bump = throttle(() => setTick((t) => t + 1), REFRESH_THROTTLE_MS, controller.signal);
    const port = livePort(TOOLBAR_STORED_PORT, (message: StoredTickMessage) => message.type === 'stored' && bump(), bump);
    return () => {
      controller.abort();
      port.close();
    };
  }, []);
  return tick;
}
