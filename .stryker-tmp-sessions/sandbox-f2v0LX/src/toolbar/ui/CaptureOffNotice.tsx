// @ts-nocheck
import { useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/protocol';
import { hostnameOf } from '../../settings/site';
import { describeError } from '../services/api';

interface Props {
  site: string;
  state: 'off' | 'paused';
}

/**
 * Shown where the stored and live previews are when Lasso does not capture on this site: says so
 * and offers to switch it on (the background does it; without host access to the site it answers
 * to use the popup, where the browser can ask). Once on, the settings change hides this.
 */
export function CaptureOffNotice({ site, state }: Props) {
  // Capture is switched per hostname (every port of it): name what the switch changes.
  const host = hostnameOf(`http://${site}/`) ?? site;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (state === 'paused') {
    return <p class="lasso-notice" data-testid="capture-off">Capture is paused everywhere: nothing is recorded on {host} or any other site.</p>;
  }
  const switchOn = async () => {
    setBusy(true);
    setError('');
    try {
      await sendMessage('toolbar.enableCapture', {});
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="lasso-notice" data-testid="capture-off">
      <p>Capture is off for {host}: nothing is recorded here.</p>
      <button type="button" data-testid="capture-on" disabled={busy} onClick={() => void switchOn()}>Switch capture on for {host}</button>
      {error && <p class="lasso-error" role="alert">{error}</p>}
    </div>
  );
}
