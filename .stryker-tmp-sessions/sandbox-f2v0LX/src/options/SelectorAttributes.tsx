// @ts-nocheck
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
import { DEFAULT_DATA_ATTRIBUTES } from '../settings/data-attributes';
import type { Settings } from '../settings/settings';

interface Props {
  settings: Settings;
  onSettings(settings: Settings): void;
}

/** The names typed one a line (or separated by commas), blanks dropped. */
export const splitAttributes = (typed: string): string[] => typed.split(/[\s,]+/).filter(Boolean);

/**
 * Which data attributes rank first for the toolbar's selectors, most trusted first. Saved as the
 * `selectorAttributes` setting; the background checks the names and answers with its reason.
 */
export function SelectorAttributes({ settings, onSettings }: Props) {
  const [typed, setTyped] = useState(settings.selectorAttributes.join('\n'));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  // Another page (or a reset) changed the setting: show what is stored.
  useEffect(() => setTyped(settings.selectorAttributes.join('\n')), [settings.selectorAttributes.join('\n')]);
  const save = (attributes: string[]) => {
    setError('');
    setSaved(false);
    sendMessage('settings.update', { selectorAttributes: attributes }).then(
      (next) => {
        onSettings(next);
        setSaved(true);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section aria-labelledby="selector-attributes-title" data-testid="selector-attributes">
      <h2 id="selector-attributes-title">Selector data attributes</h2>
      <label for="selector-attributes-input">Attributes the toolbar's selectors use first, most trusted first, one a line (end a name with * for a prefix)</label>
      <textarea id="selector-attributes-input" rows={6} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="selector-attributes-input" />
      <div class="row">
        <button type="button" onClick={() => save(splitAttributes(typed))} data-testid="selector-attributes-save">Save attributes</button>
        <button type="button" onClick={() => save([...DEFAULT_DATA_ATTRIBUTES])} data-testid="selector-attributes-reset">Reset to the defaults</button>
        {saved && <span class="ok" role="status">Saved</span>}
      </div>
      {settings.selectorAttributes.length === 0 && <p class="muted">No attributes: selectors start from ids, labels and classes. Add one your site sets, such as data-testid.</p>}
      {error && <p class="error" role="alert" data-testid="selector-attributes-error">{error}</p>}
    </section>
  );
}
