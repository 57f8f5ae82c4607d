// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
import { describeSync, type SyncLine } from './describe-sync';

/** How often the open popup asks again (the status is a few IndexedDB counts). */
const REFRESH_MS = 3000;

/**
 * The popup's sync line (`sync.targets` + `sync.status`), a button to the options page where the
 * targets are. Nothing when there is no target or the background cannot tell; it sits last in the
 * popup, so appearing never moves anything else.
 */
export function SyncStatus({ onOpen }: { onOpen: () => void }) {
  const [line, setLine] = useState<SyncLine | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      try {
        const [targets, statuses] = await Promise.all([sendMessage('sync.targets', {}), sendMessage('sync.status', {})]);
        if (!controller.signal.aborted) setLine(describeSync(targets, statuses));
      } catch {
        // The line is a convenience: the options page shows the errors.
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    return () => controller.abort();
  }, []);
  if (!line) return null;
  return (
    <button type="button" class={`sync-line${line.warn ? ' warn' : ''}`} data-testid="sync-line" onClick={onOpen} title={`${line.text}${line.detail ? `\n${line.detail}` : ''}\nOpen the sync targets`}>
      {line.text}
    </button>
  );
}
